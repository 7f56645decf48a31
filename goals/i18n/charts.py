"""Texts of the charts (goals.charts): labels on the figures, hover texts and legends."""

TEXTS = {
    "charts.target": {"da": "Mål {period}: {value}", "en": "Target {period}: {value}"},
    "charts.target.short": {"da": "Mål", "en": "Target"},
    "charts.target_gap": {
        "da": "Mål for forskel {period}: {value}",
        "en": "Target gap {period}: {value}",
    },
    "charts.baseline": {"da": "Basis {period}", "en": "Baseline {period}"},
    "charts.baseline.value": {"da": "Basis {period}: {value}", "en": "Baseline {period}: {value}"},
    "charts.latest": {"da": "Seneste {period}: {value}", "en": "Latest {period}: {value}"},
    "charts.latest.short": {"da": "Seneste", "en": "Latest"},
    "charts.required_path": {"da": "Nødvendig udvikling", "en": "Required path"},
    "charts.source": {"da": "Kilde: {source}", "en": "Source: {source}"},
    "charts.interval": {
        "da": "95 %-sikkerhedsinterval: {lower}–{upper}",
        "en": "95 % confidence interval: {lower}–{upper}",
    },
    "charts.interval.legend": {"da": "95 %-sikkerhedsinterval", "en": "95 % confidence interval"},
    "charts.better.right": {"da": "bedre →", "en": "better →"},
    "charts.better.left": {"da": "← bedre", "en": "← better"},
    "charts.gap": {"da": "Forskel: {a} − {b}", "en": "Gap: {a} − {b}"},
    "charts.groups": {"da": "Grupperne", "en": "The groups"},
    "charts.points": {"da": "procentpoint", "en": "percentage points"},
    "charts.grid.counts": {
        "da": "{good} af {n} på rette spor",
        "en": "{good} of {n} on track",
    },
    "charts.grid.empty": {"da": "Ingen succeskriterier", "en": "No success criteria"},
    "charts.reference": {"da": "{name}: {value}", "en": "{name}: {value}"},
    "charts.region": {"da": "Regionen", "en": "The region"},
    "charts.no_data": {"da": "Ingen data", "en": "No data"},
}
