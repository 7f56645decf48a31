"""Texts of the app's pages and shared widgets."""

TEXTS = {
    "app.title": {"da": "Målbillede", "en": "Målbillede"},
    "app.tagline": {
        "da": "Fælles mål og succeskriterier for det tværsektorielle samarbejde i klyngerne",
        "en": "Shared goals and success criteria for cross-sector cooperation in the clusters",
    },
    "nav.home": {"da": "Forside", "en": "Home"},
    "nav.overview": {"da": "Overblik", "en": "Overview"},
    "nav.cluster": {"da": "Klynge", "en": "Cluster"},
    "nav.goal": {"da": "Mål", "en": "Goal"},
    "nav.indicators": {"da": "Indikatorer", "en": "Indicators"},
    "nav.catalogue": {"da": "Mål og succeskriterier", "en": "Goals and success criteria"},
    "nav.upload": {"da": "Indlæs statusark", "en": "Upload status workbook"},
    "nav.present": {"da": "Præsentation", "en": "Presentation"},
    "nav.admin": {"da": "Administration", "en": "Administration"},
    "nav.section.follow": {"da": "Følg op", "en": "Follow up"},
    "nav.section.report": {"da": "Indberet og præsentér", "en": "Report and present"},
    "nav.section.admin": {"da": "Sekretariatet", "en": "Secretariat"},
    "sidebar.language": {"da": "Sprog", "en": "Language"},
    "demo.banner": {
        "da": "**Eksempeldata.** Tallene i denne installation er demodata, ikke rigtige tal. "
        "De er lavet ud fra offentliggjorte niveauer for at vise, hvordan Målbillede virker.",
        "en": "**Example data.** The figures in this installation are demo data, not real "
        "figures. They are modelled on published levels to show how Målbillede works.",
    },
    "store.error": {
        "da": "Databasen kan ikke bruges: {message}",
        "en": "The database cannot be used: {message}",
    },
    "store.empty": {
        "da": "Databasen har endnu intet katalog. Kør `python -m goals init` for at indlæse "
        "klynger, spor, mål og indikatorer.",
        "en": "The database has no catalogue yet. Run `python -m goals init` to load clusters, "
        "tracks, goals and indicators.",
    },
    "home.clusters": {"da": "Klyngerne", "en": "The clusters"},
    "home.clusters.help": {
        "da": "Region, kommuner, almen praksis og hospitaler samarbejder i fem klynger.",
        "en": "Region, municipalities, general practice and hospitals cooperate in five clusters.",
    },
    "home.tracks": {
        "da": "Spor, mål og succeskriterier",
        "en": "Tracks, goals and success criteria",
    },
    "home.counts": {
        "da": "{clusters} klynger · {tracks} spor · {goals} fælles mål · {criteria} succeskriterier",
        "en": "{clusters} clusters · {tracks} tracks · {goals} shared goals · {criteria} success criteria",
    },
    "home.members": {"da": "Kommuner", "en": "Municipalities"},
    "home.hospital": {"da": "Hospital", "en": "Hospital"},
    "home.owner": {"da": "Ejer: {group}", "en": "Owner: {group}"},
    "home.national_goal": {
        "da": "Nationalt mål {number}: {name}",
        "en": "National goal {number}: {name}",
    },
    "home.no_goals": {"da": "Ingen mål på dette spor endnu.", "en": "No goals on this track yet."},
    "criterion.indicator": {"da": "Indikator", "en": "Indicator"},
    "criterion.baseline": {"da": "Basisår", "en": "Baseline"},
    "criterion.target": {"da": "Mål", "en": "Target"},
    "criterion.target_period": {"da": "Målår", "en": "Target year"},
    "criterion.group": {"da": "Gruppe", "en": "Group"},
    "criterion.gap": {"da": "Forskel: {a} − {b}", "en": "Gap: {a} − {b}"},
    "criterion.revision": {
        "da": "Version {revision} fra {date}",
        "en": "Version {revision} from {date}",
    },
    "target.absolute": {"da": "{value} {unit}", "en": "{value} {unit}"},
    "target.relative": {"da": "{value} % i forhold til basisåret", "en": "{value} % from baseline"},
    "target.points": {
        "da": "{value} point i forhold til basisåret",
        "en": "{value} points from baseline",
    },
    "target.none": {"da": "Intet måltal", "en": "No target"},
}

TEXTS.update(
    {
        "ui.status.counts": {"da": "{good} af {n} på rette spor", "en": "{good} of {n} on track"},
        "ui.rate.per_year": {"da": "{rate} % om året", "en": "{rate} % a year"},
        "ui.status.why": {"da": "Hvorfor denne status?", "en": "Why this status?"},
        "ui.upload.button": {"da": "Vælg fil", "en": "Choose file"},
        "ui.upload.limit": {"da": "Højst {size} MB pr. fil", "en": "At most {size} MB per file"},
        "ui.no_results": {"da": "Ingen resultater", "en": "No results"},
        "ui.skip_to_main": {"da": "Gå til hovedindholdet", "en": "Skip to main content"},
        "ui.running": {"da": "Arbejder …", "en": "Running…"},
        "ui.wide_chart": {
            "da": "Grafen – rul sidelæns for at se det hele",
            "en": "The chart – scroll sideways to see all of it",
        },
        "ui.toolbar.columns": {"da": "Vis/skjul kolonner", "en": "Show/hide columns"},
        "ui.toolbar.download": {"da": "Hent som CSV", "en": "Download as CSV"},
        "ui.toolbar.search": {"da": "Søg", "en": "Search"},
        "ui.toolbar.fullscreen": {"da": "Fuld skærm", "en": "Fullscreen"},
        "ui.toolbar.close": {"da": "Luk fuld skærm", "en": "Close fullscreen"},
        "ui.toolbar.png": {"da": "Hent grafen som PNG", "en": "Download plot as a PNG"},
        "a11y.statement": {"da": "Tilgængelighedserklæring", "en": "Accessibility statement"},
        "ui.chart.table": {"da": "Tallene bag grafen", "en": "The figures behind the chart"},
        "ui.chart.col.series": {"da": "Område", "en": "Area"},
        "ui.chart.col.area": {"da": "Område", "en": "Area"},
        "ui.chart.col.group": {"da": "Gruppe", "en": "Group"},
        "ui.chart.col.period": {"da": "Periode", "en": "Period"},
        "ui.chart.col.value": {"da": "Værdi", "en": "Value"},
        "ui.chart.col.lower": {"da": "Nedre 95 %-grænse", "en": "Lower 95 % limit"},
        "ui.chart.col.upper": {"da": "Øvre 95 %-grænse", "en": "Upper 95 % limit"},
        "ui.choose_one": {"da": "Vælg", "en": "Choose"},
        "ui.choose_many": {"da": "Vælg en eller flere", "en": "Choose one or more"},
        "ui.facts.baseline": {"da": "Basis", "en": "Baseline"},
        "ui.facts.latest": {"da": "Seneste", "en": "Latest"},
        "ui.facts.target": {"da": "Mål", "en": "Target"},
        "ui.facts.required": {"da": "Nødvendig udvikling", "en": "Required change"},
        "ui.facts.observed": {"da": "Faktisk udvikling", "en": "Observed change"},
        "ui.facts.score": {"da": "Score (−5 til 5)", "en": "Score (−5 to 5)"},
        "ui.facts.region": {"da": "Sammenlignet med regionen", "en": "Compared with the region"},
        "ui.facts.trend": {"da": "Seneste tendens", "en": "Recent trend"},
        "ui.facts.interval": {
            "da": "(95 %-interval: {lower}–{upper})",
            "en": "(95 % interval: {lower}–{upper})",
        },
        "ui.facts.change_per_year": {"da": "Ændring", "en": "Change"},
        "ui.facts.needed_per_year": {
            "da": "Nødvendigt fra nu for at nå målet",
            "en": "Needed from now to reach the target",
        },
        "ui.facts.certainty": {"da": "Sikkerhed", "en": "Certainty"},
        "ui.facts.open_sdg": {"da": "Open SDG-status", "en": "Open SDG status"},
        "ui.per_year": {"da": "{value} om året", "en": "{value} a year"},
        "ui.certainty.certain": {"da": "Sikker ændring", "en": "Certain change"},
        "ui.certainty.uncertain": {"da": "Ingen sikker ændring", "en": "No certain change"},
        "ui.certainty.unknown": {
            "da": "Usikkerheden er ikke oplyst",
            "en": "The uncertainty is not stated",
        },
        "ui.certainty.margin.certain": {
            "da": "(større end den statistiske usikkerhed, ±{margin})",
            "en": "(larger than the statistical uncertainty, ±{margin})",
        },
        "ui.certainty.margin.uncertain": {
            "da": "(inden for den statistiske usikkerhed, ±{margin})",
            "en": "(within the statistical uncertainty, ±{margin})",
        },
    }
)
