"""Texts of the presentation page, the PowerPoint status report and `goals report`."""

TEXTS = {
    # --- the deck (goals.present.deck): shared by the presentation page and the .pptx ---
    "report.title": {"da": "Status for de fælles mål", "en": "Status of the shared goals"},
    "report.scope.full": {"da": "Alle klynger og spor", "en": "All clusters and tracks"},
    "report.scope.cluster": {"da": "{name}", "en": "{name}"},
    "report.scope.track": {"da": "Spor: {name}", "en": "Track: {name}"},
    "report.scope.goal": {"da": "Mål: {name}", "en": "Goal: {name}"},
    "report.title.subtitle": {
        "da": "{scope} · Data pr. {period}",
        "en": "{scope} · Data as of {period}",
    },
    "report.title.made": {
        "da": "Dannet {date} af Målbillede til Direktørforum",
        "en": "Made {date} by Målbillede for the Direktørforum",
    },
    "report.title.overall": {"da": "Samlet status", "en": "Overall status"},
    "report.title.rollup": {
        "da": "{name}: {status} – {support}",
        "en": "{name}: {status} – {support}",
    },
    "report.footer": {
        "da": "Kilde: {source} · Data pr. {period}",
        "en": "Source: {source} · Data as of {period}",
    },
    "report.footer.no_period": {"da": "Kilde: {source}", "en": "Source: {source}"},
    "report.source.default": {
        "da": "styregruppernes statusark i Målbillede",
        "en": "the steering groups' status workbooks in Målbillede",
    },
    "report.source.method": {
        "da": "Målbilledes metode for status",
        "en": "Målbillede's method for a status",
    },
    "report.page": {"da": "{title} ({i}/{n})", "en": "{title} ({i}/{n})"},
    # key messages
    "report.messages.title": {"da": "Hovedbudskaber", "en": "Key messages"},
    "report.messages.subtitle": {
        "da": "Den status, flest klynger deler – hvor billedet er tydeligst og mest alvorligt",
        "en": "The status most clusters share – where the picture is clearest and most serious",
    },
    "report.messages.track.subtitle": {
        "da": "Den status, flest klynger deler – for ulighed og for hvert mål i sporet",
        "en": "The status most clusters share – for inequality and for each goal of the track",
    },
    "report.messages.cluster.subtitle": {
        "da": "{area}: social ulighed og hvert spor",
        "en": "{area}: social inequality and each track",
    },
    "report.messages.cluster": {
        "da": "{subject}: {verdict} i {area}",
        "en": "{subject}: {verdict} in {area}",
    },
    # overview
    "report.overview.title": {
        "da": "Overblik: klynger og spor",
        "en": "Overview: clusters and tracks",
    },
    "report.overview.subtitle": {
        "da": "Status pr. klynge og spor – under hver status: de succeskriterier, der bærer den",
        "en": "Status by cluster and track – under each status: the success criteria behind it",
    },
    "report.overview.first.title": {
        "da": "Overblik: social ulighed og samlet status",
        "en": "Overview: social inequality and overall status",
    },
    "report.overview.first.track.title": {
        "da": "Overblik: {track} – ulighed og samlet",
        "en": "Overview: {track} – inequality and overall",
    },
    "report.overview.first.subtitle": {
        "da": "Status pr. klynge: ulighedskriterierne og alle succeskriterier samlet",
        "en": "Status by cluster: the inequality criteria, and all success criteria combined",
    },
    "report.overview.track.title": {"da": "Overblik: {track}", "en": "Overview: {track}"},
    "report.overview.track.subtitle": {
        "da": "Status pr. klynge og mål i sporet",
        "en": "Status by cluster and goal in the track",
    },
    "report.overview.cluster.title": {"da": "Overblik: {cluster}", "en": "Overview: {cluster}"},
    "report.overview.cluster.subtitle": {
        "da": "Samlet, social ulighed og hvert mål i klyngen",
        "en": "Overall, social inequality and each goal in the cluster",
    },
    "report.overview.cluster.all": {
        "da": "Alle succeskriterier i klyngen",
        "en": "All success criteria in the cluster",
    },
    "report.overview.cluster.gaps": {
        "da": "Ulighedskriterierne: forskellen mellem grupper",
        "en": "The inequality criteria: the gap between groups",
    },
    "report.overview.notes": {
        "da": "En samlet status tæller succeskriterier i hver klynge – ikke mål. Sætningen under "
        "en status siger, hvor mange af dem der bærer den. Open SDG-status og score for hvert "
        "succeskriterium står i talerens noter til målene og i Excel-filen med data bag "
        "rapporten.",
        "en": "A combined status counts success criteria in each cluster – not goals. The "
        "sentence under a status says how many of them carry it. The Open SDG status and score "
        "of each success criterion are in the speaker notes of the goals and in the Excel file "
        "with the data behind the report.",
    },
    "report.col.cluster": {"da": "Klynge", "en": "Cluster"},
    "report.col.track": {"da": "Spor", "en": "Track"},
    "report.col.goal": {"da": "Mål", "en": "Goal"},
    "report.col.criterion": {"da": "Succeskriterium", "en": "Success criterion"},
    "report.col.status": {"da": "Status", "en": "Status"},
    "report.col.base": {"da": "Basis", "en": "Baseline"},
    "report.col.latest": {"da": "Seneste", "en": "Latest"},
    "report.col.target": {"da": "Målværdi", "en": "Target"},
    "report.col.all": {"da": "Samlet", "en": "Overall"},
    "report.col.initiative": {"da": "Indsats", "en": "Initiative"},
    "report.col.milestone": {"da": "Næste milepæl", "en": "Next milestone"},
    "report.col.responsible": {"da": "Ansvarlig", "en": "Responsible"},
    "report.col.meaning": {"da": "Betyder", "en": "Means"},
    "report.col.gap_before": {"da": "Forskel før", "en": "Gap before"},
    "report.col.gap_after": {"da": "Forskel nu", "en": "Gap now"},
    "report.col.change": {"da": "Ændring pr. år", "en": "Change a year"},
    "report.row.region": {"da": "Regionen samlet", "en": "Region overall"},
    "report.cell.empty": {"da": "–", "en": "–"},
    # goals and criteria
    "report.goal.title": {"da": "{code} · {title}", "en": "{code} · {title}"},
    "report.goal.subtitle": {"da": "{track} · {owner}", "en": "{track} · {owner}"},
    "report.goal.notes.assessment": {
        "da": "Styregruppens egen vurdering ({period}) i {area}: {light}. {text}",
        "en": "The steering group's own assessment ({period}) in {area}: {light}. {text}",
    },
    "report.criterion.title": {"da": "{indicator} – {subject}", "en": "{indicator} – {subject}"},
    "report.criterion.target_each": {
        "da": "Mål pr. klynge ({period})",
        "en": "Target per cluster ({period})",
    },
    "report.criterion.target_of": {
        "da": "Mål for {area}: {value}",
        "en": "Target for {area}: {value}",
    },
    "report.notes.why": {"da": "Begrundelse for status:", "en": "Why each status:"},
    "report.notes.details": {
        "da": "Open SDG-status: {status}; score {score}",
        "en": "Open SDG status: {status}; score {score}",
    },
    # inequality
    "report.inequality.title": {
        "da": "Ulighed: {indicator} efter {dimension}",
        "en": "Inequality: {indicator} by {dimension}",
    },
    "report.inequality.subtitle": {"da": "{area} · {criterion}", "en": "{area} · {criterion}"},
    "report.inequality.groups": {"da": "grupper", "en": "groups"},
    "report.gap.interval": {"da": "95 %: {lower}–{upper}", "en": "95 %: {lower}–{upper}"},
    "report.gap.needed": {"da": "Nødvendigt: {needed}", "en": "Needed: {needed}"},
    "report.gap.combined": {
        "da": "Klyngerne samlet: {status} – {support}.",
        "en": "The clusters combined: {status} – {support}.",
    },
    # initiatives
    "report.initiatives.title": {"da": "Indsatser: {scope}", "en": "Initiatives: {scope}"},
    "report.initiatives.subtitle": {
        "da": "Seneste status fra styregruppernes statusark",
        "en": "Latest status from the steering groups' status workbooks",
    },
    "report.initiatives.notes": {
        "da": "Indsatser med status «Forsinket» eller «Stoppet»: {names}.",
        "en": "Initiatives that are 'Delayed' or 'Stopped': {names}.",
    },
    "report.initiatives.notes.none": {
        "da": "Ingen indsatser er forsinkede eller stoppede.",
        "en": "No initiative is delayed or stopped.",
    },
    # method appendix (docs/method.md has the long version)
    "report.method.title": {"da": "Sådan læser du farverne", "en": "How to read the colours"},
    "report.method.statuses.subtitle": {
        "da": "Hvert succeskriterium i hver klynge får en status: går udviklingen hurtigt nok "
        "mod målet, og er ændringen mere end tilfældig variation?",
        "en": "Each success criterion in each cluster gets a status: is the change fast enough "
        "to reach the target, and is it more than chance?",
    },
    "report.method.meaning.target_achieved": {
        "da": "Seneste værdi er på eller bedre end målværdien.",
        "en": "The latest value is at or beyond the target.",
    },
    "report.method.meaning.on_track": {
        "da": "Udviklingen er mindst 95 % af den årlige udvikling, der kræves for at nå målet.",
        "en": "The change is at least 95 % of the annual change needed to reach the target.",
    },
    "report.method.meaning.needs_acceleration": {
        "da": "Udviklingen går den rigtige vej med 60–95 % af den nødvendige fart.",
        "en": "The change goes the right way at 60–95 % of the required pace.",
    },
    "report.method.meaning.limited_progress": {
        "da": "Udviklingen går den rigtige vej, men med under 60 % af den nødvendige fart.",
        "en": "The change goes the right way at less than 60 % of the required pace.",
    },
    "report.method.meaning.uncertain": {
        "da": "Ændringen fra basis til seneste tal er inden for den statistiske usikkerhed "
        "(95 %), og målet er ikke nået: den kan ikke skelnes fra tilfældig variation.",
        "en": "The change from the baseline to the latest figure is within the statistical "
        "uncertainty (95 %) and the target is not reached: it cannot be told from chance.",
    },
    "report.method.meaning.deterioration": {
        "da": "Udviklingen går den forkerte vej.",
        "en": "The change goes the wrong way.",
    },
    "report.method.meaning.not_available": {
        "da": "For få tal, eller ingen værdi i basisåret – noterne siger hvorfor.",
        "en": "Too few figures, or no value in the baseline – the notes say why.",
    },
    "report.method.how.title": {
        "da": "Sådan regnes status ud",
        "en": "How a status is worked out",
    },
    "report.method.rate": {
        "da": "Målet bliver til den udvikling pr. år, der skal til for at komme fra basisværdien "
        "til målværdien i målåret.",
        "en": "The target becomes the change a year needed to get from the baseline value to the "
        "target in the target year.",
    },
    "report.method.ratio": {
        "da": "Den faktiske årlige udvikling fra basis til seneste tal sammenlignes med den "
        "nødvendige: forholdet giver status og en score fra −5 til +5.",
        "en": "The observed annual rate from baseline to the latest figure is compared with the "
        "required one: the ratio gives the status and a score from −5 to +5.",
    },
    "report.method.relative": {
        "da": "Mål som «−20 %» eller «−3 point» regnes om til en værdi ud fra områdets egen "
        "basisværdi – derfor har hver klynge sin egen målværdi.",
        "en": "Targets like '−20 %' or '−3 points' become a value from the area's own baseline "
        "value – so each cluster has its own target.",
    },
    "report.method.gap": {
        "da": "Ulighedsmål følger forskellen mellem to grupper (fx grundskole minus lang "
        "videregående uddannelse) – her er mindre bedre.",
        "en": "Inequality criteria follow the gap between two groups (e.g. primary school minus "
        "long higher education) – smaller is better.",
    },
    "report.method.certainty": {
        "da": "Ændringen er sikker, når den er større end den statistiske usikkerhed (95 %) – "
        "fra konfidensgrænserne eller tæller og nævner. Ellers er status «Ingen sikker "
        "ændring», medmindre målet er nået.",
        "en": "A change is certain when it exceeds the statistical uncertainty (95 %) – from the "
        "confidence limits or the numerator and denominator. Otherwise the status is 'No "
        "certain change', unless the target is reached.",
    },
    "report.method.rollup": {
        "da": "Samlet status for et mål, et spor, en klynge og regionen tæller succeskriterier i "
        "hver klynge – ikke mål. Sætningen under en samlet status siger, hvor mange der bærer "
        "den.",
        "en": "The combined status of a goal, a track, a cluster and the region counts success "
        "criteria in each cluster – not goals. The sentence under a combined status says how "
        "many carry it.",
    },
    "report.method.comparison": {
        "da": "Sammenligningen med regionen (bedre / som / dårligere) bruger konfidensgrænserne "
        "og kommer i anden række.",
        "en": "The comparison with the region (better / similar / worse) uses the confidence "
        "limits and comes second.",
    },
    # --- the presentation page ---
    "present.title": {"da": "Præsentation", "en": "Presentation"},
    "present.all.clusters": {"da": "Alle klynger", "en": "All clusters"},
    "present.all.tracks": {"da": "Alle spor", "en": "All tracks"},
    "present.all.goals": {"da": "Alle mål", "en": "All goals"},
    "present.go_to": {"da": "Gå til dias", "en": "Go to slide"},
    "present.cluster": {"da": "Klynge", "en": "Cluster"},
    "present.track": {"da": "Spor", "en": "Track"},
    "present.goal": {"da": "Mål", "en": "Goal"},
    "present.as_of": {"da": "Data pr.", "en": "Data as of"},
    "present.as_of.latest": {"da": "Seneste tal", "en": "Latest figures"},
    "present.previous": {"da": "← Forrige", "en": "← Previous"},
    "present.next": {"da": "Næste →", "en": "Next →"},
    "present.counter": {"da": "{i} / {n}", "en": "{i} / {n}"},
    "present.mode.enter": {"da": "Præsentationstilstand", "en": "Presentation mode"},
    "present.mode.leave": {"da": "× Afslut præsentation", "en": "× Leave presentation"},
    "present.keys": {
        "da": "Brug piletasterne ← → til at bladre.",
        "en": "Use the arrow keys ← → to move between slides.",
    },
    "present.downloads": {"da": "Hent", "en": "Download"},
    "present.download.png": {"da": "Figur som PNG", "en": "Chart as PNG"},
    "present.download.svg": {"da": "Figur som SVG", "en": "Chart as SVG"},
    "present.download.pptx": {"da": "PowerPoint (.pptx)", "en": "PowerPoint (.pptx)"},
    "present.download.xlsx": {"da": "Data bag (Excel)", "en": "Data behind it (Excel)"},
    "present.prepare.images": {"da": "Lav figurfiler", "en": "Make chart files"},
    "present.prepare.pptx": {"da": "Lav PowerPoint og Excel", "en": "Make PowerPoint and Excel"},
    "present.preparing": {"da": "Tegner figurerne …", "en": "Drawing the charts …"},
    "present.image_error": {
        "da": "Figurerne kunne ikke tegnes på serveren: {message}",
        "en": "The charts could not be drawn on the server: {message}",
    },
    "present.no_slides": {
        "da": "Der er intet at vise for dette udvalg.",
        "en": "There is nothing to show for this selection.",
    },
    "present.notes": {"da": "Talerens noter", "en": "Speaker notes"},
    "present.unknown": {
        "da": "{what} '{value}' findes ikke; viser hele status.",
        "en": "{what} '{value}' does not exist; showing the full status.",
    },
    # --- python -m goals report ---
    "report.cli.unknown_cluster": {
        "da": "Ukendt klynge '{value}'.",
        "en": "Unknown cluster '{value}'.",
    },
    "report.cli.unknown_track": {"da": "Ukendt spor '{value}'.", "en": "Unknown track '{value}'."},
    "report.cli.unknown_goal": {"da": "Ukendt mål '{value}'.", "en": "Unknown goal '{value}'."},
    "report.cli.suggest": {"da": " Mente du {suggestions}?", "en": " Did you mean {suggestions}?"},
    "report.cli.choose": {"da": " Vælg en af {choices}.", "en": " Choose one of {choices}."},
    "report.cli.wrote": {
        "da": "Skrev {path}: {slides} dias ({charts} figurer, {tables} tabeller).",
        "en": "Wrote {path}: {slides} slides ({charts} charts, {tables} tables).",
    },
    "report.cli.wrote_xlsx": {
        "da": "Skrev {path}: data bag rapporten ({rows} rækker).",
        "en": "Wrote {path}: the data behind the report ({rows} rows).",
    },
    "report.cli.cannot_write": {
        "da": "Kan ikke skrive {path}: {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
    "report.cli.no_folder": {"da": "mappen findes ikke", "en": "the folder does not exist"},
    # --- the Excel data behind the deck ---
    "report.xlsx.status": {"da": "Status", "en": "Status"},
    "report.xlsx.series": {"da": "Tidsserier", "en": "Series"},
    "report.xlsx.about": {"da": "Om", "en": "About"},
    "report.xlsx.period": {"da": "Periode", "en": "Period"},
    "report.xlsx.value": {"da": "Værdi", "en": "Value"},
    "report.xlsx.lower": {"da": "Nedre grænse", "en": "Lower limit"},
    "report.xlsx.upper": {"da": "Øvre grænse", "en": "Upper limit"},
    "report.xlsx.area": {"da": "Område", "en": "Area"},
    "report.xlsx.goal": {"da": "Mål", "en": "Goal"},
    "report.xlsx.track": {"da": "Spor", "en": "Track"},
    "report.xlsx.indicator": {"da": "Indikator", "en": "Indicator"},
    "report.xlsx.unit": {"da": "Enhed", "en": "Unit"},
    "report.xlsx.subject": {"da": "Følger", "en": "Follows"},
    "report.xlsx.base_period": {"da": "Basisperiode", "en": "Base period"},
    "report.xlsx.base_value": {"da": "Basisværdi", "en": "Base value"},
    "report.xlsx.latest_period": {"da": "Seneste periode", "en": "Latest period"},
    "report.xlsx.latest_value": {"da": "Seneste værdi", "en": "Latest value"},
    "report.xlsx.target": {"da": "Målværdi", "en": "Target"},
    "report.xlsx.target_period": {"da": "Målperiode", "en": "Target period"},
    "report.xlsx.required_rate": {"da": "Nødvendig årlig udvikling", "en": "Required annual rate"},
    "report.xlsx.observed_rate": {"da": "Faktisk årlig udvikling", "en": "Observed annual rate"},
    "report.xlsx.score": {"da": "Open SDG-score", "en": "Open SDG score"},
    "report.xlsx.open_sdg": {"da": "Open SDG-status", "en": "Open SDG status"},
    "report.xlsx.gap": {"da": "Ulighed (forskel)", "en": "Inequality (gap)"},
    "report.xlsx.base_lower": {"da": "Basis, nedre grænse", "en": "Base, lower limit"},
    "report.xlsx.base_upper": {"da": "Basis, øvre grænse", "en": "Base, upper limit"},
    "report.xlsx.latest_lower": {"da": "Seneste, nedre grænse", "en": "Latest, lower limit"},
    "report.xlsx.latest_upper": {"da": "Seneste, øvre grænse", "en": "Latest, upper limit"},
    "report.xlsx.change": {"da": "Ændring", "en": "Change"},
    "report.xlsx.change_per_year": {"da": "Ændring pr. år", "en": "Change a year"},
    "report.xlsx.needed_per_year": {
        "da": "Nødvendig ændring pr. år fra nu",
        "en": "Change needed a year from now",
    },
    "report.xlsx.certainty": {
        "da": "Sikkerhed (certain/uncertain/unknown)",
        "en": "Certainty (certain/uncertain/unknown)",
    },
    "report.xlsx.rollups": {"da": "Samlet status", "en": "Combined status"},
    "report.xlsx.level": {"da": "Niveau", "en": "Level"},
    "report.xlsx.level.goal_area": {"da": "Mål i et område", "en": "Goal in an area"},
    "report.xlsx.level.track_area": {"da": "Spor i et område", "en": "Track in an area"},
    "report.xlsx.level.cluster": {"da": "Område", "en": "Area"},
    "report.xlsx.level.inequality": {"da": "Ulighed i et område", "en": "Inequality in an area"},
    "report.xlsx.level.region_track": {"da": "Spor i regionen", "en": "Track in the region"},
    "report.xlsx.level.region": {"da": "Regionen", "en": "The region"},
    "report.xlsx.level.region_inequality": {
        "da": "Ulighed i regionen",
        "en": "Inequality in the region",
    },
    "report.xlsx.support": {"da": "Bærer status", "en": "Carry the status"},
    "report.xlsx.n": {"da": "Succeskriterier", "en": "Success criteria"},
    "report.xlsx.support_text": {"da": "Optælling", "en": "Count"},
    "report.xlsx.mean_score": {
        "da": "Gennemsnitlig Open SDG-score",
        "en": "Mean Open SDG score",
    },
    "report.xlsx.comparison": {"da": "Sammenlignet med regionen", "en": "Compared with the region"},
    "report.xlsx.reason": {"da": "Begrundelse", "en": "Reasoning"},
    "report.xlsx.criterion_text": {"da": "Kriteriets tekst", "en": "Criterion text"},
    "report.xlsx.area_code": {"da": "Områdekode", "en": "Area code"},
    "report.xlsx.indicator_name": {"da": "Indikatorens navn", "en": "Indicator name"},
    "report.xlsx.verdict_code": {"da": "Status (kode)", "en": "Status (code)"},
    "report.xlsx.open_sdg_code": {"da": "Open SDG-status (kode)", "en": "Open SDG status (code)"},
    "report.xlsx.level_code": {"da": "Niveau (kode)", "en": "Level (code)"},
    "present.demo_data": {
        "da": "Eksempeldata, ikke rigtige tal",
        "en": "Example data, not real figures",
    },
    "report.xlsx.derived_periods": {
        "da": "Lagt sammen af kommunernes tal (perioder)",
        "en": "Combined from the municipalities (periods)",
    },
    "report.xlsx.suppressed_periods": {
        "da": "Diskretioneret (perioder)",
        "en": "Suppressed (periods)",
    },
    "report.xlsx.made": {"da": "Dannet", "en": "Made"},
    "report.xlsx.title": {"da": "Titel", "en": "Title"},
    "report.xlsx.selection": {"da": "Udvalg", "en": "Selection"},
}
