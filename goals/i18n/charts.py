"""Texts of the charts (goals.present.charts): labels on the figures, hover texts and legends."""

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
    # the count behind a combined verdict in a grid cell (goals.status.verdicts.Combined.support)
    "charts.grid.support": {
        "da": "{k} af {n} succeskriterier",
        "en": "{k} of {n} success criteria",
    },
    "charts.grid.support.target_achieved": {"da": "har nået målet", "en": "reached the target"},
    "charts.grid.support.on_track": {"da": "på rette spor eller bedre", "en": "on track or better"},
    "charts.grid.support.needs_acceleration": {
        "da": "i fremgang eller bedre",
        "en": "progressing or better",
    },
    "charts.grid.support.limited_progress": {
        "da": "mindst begrænset fremgang",
        "en": "at least limited progress",
    },
    "charts.grid.support.uncertain": {"da": "ikke i forværring", "en": "not deteriorating"},
    "charts.grid.support.deterioration": {"da": "i forværring", "en": "deteriorating"},
    "charts.grid.support.not_available": {"da": "kan ikke vurderes", "en": "cannot be assessed"},
    "charts.grid.empty": {"da": "Ingen succeskriterier", "en": "No success criteria"},
    "charts.reference": {"da": "{name}: {value}", "en": "{name}: {value}"},
    "charts.region": {"da": "Regionen", "en": "The region"},
    "charts.no_data": {"da": "Ingen data", "en": "No data"},
    "charts.baseline.short": {"da": "Basis", "en": "Baseline"},
    "charts.interval.short": {
        "da": "95 %-interval: {lower}–{upper}",
        "en": "95 % interval: {lower}–{upper}",
    },
    "charts.interval.none": {
        "da": "uden oplyst usikkerhed",
        "en": "no stated uncertainty",
    },
    "charts.change": {
        "da": "Ændring {base}–{latest}: {change}{per_year}",
        "en": "Change {base}–{latest}: {change}{per_year}",
    },
    "charts.change.per_year": {"da": " ({rate} om året)", "en": " ({rate} a year)"},
    "charts.change.certain": {
        "da": "Større end den statistiske usikkerhed (±{margin}).",
        "en": "Larger than the statistical uncertainty (±{margin}).",
    },
    "charts.change.uncertain": {
        "da": "Inden for den statistiske usikkerhed (±{margin}).",
        "en": "Within the statistical uncertainty (±{margin}).",
    },
    "charts.change.unknown": {
        "da": "Tallene har ingen oplyst usikkerhed.",
        "en": "The figures have no stated uncertainty.",
    },
    "charts.gap_change.title": {"da": "{indicator} · {area}", "en": "{indicator} · {area}"},
    "charts.gap_change.axis": {
        "da": "Forskel mellem grupperne ({unit}) – mindre er bedre",
        "en": "Gap between the groups ({unit}) – smaller is better",
    },
    "charts.value_axis": {"da": "Værdi ({unit})", "en": "Value ({unit})"},
}
