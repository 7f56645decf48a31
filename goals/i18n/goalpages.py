"""Texts of the Mål page (goal.*) and the Indikatorer page (indicator.*)."""

TEXTS = {
    # --- Mål -----------------------------------------------------------------------------------
    "goal.no_goals": {
        "da": "Kataloget har endnu ingen fælles mål.",
        "en": "The catalogue has no shared goals yet.",
    },
    "goal.choose": {"da": "Fælles mål", "en": "Shared goal"},
    "goal.cluster": {"da": "Fremhæv en klynge", "en": "Highlight a cluster"},
    "goal.cluster.none": {"da": "Ingen – vis alle ens", "en": "None – show all alike"},
    "goal.cluster.help": {
        "da": "Den valgte klynge tegnes tydeligst, med sin vej fra basis til mål, og "
        "ulighedsvisningen viser klyngen i stedet for regionen.",
        "en": "The chosen cluster is drawn boldest, with its path from baseline to target, and "
        "the inequality view shows the cluster instead of the region.",
    },
    "goal.overall": {
        "da": "Samlet vurdering af målet i hver klynge",
        "en": "Overall verdict on the goal in each cluster",
    },
    "goal.as_of": {
        "da": "Status som den så ud ved {period}.",
        "en": "Status as it stood at {period}.",
    },
    "goal.no_values": {
        "da": "Der er endnu ingen tal i Målbillede. Når det første statusark er indlæst, viser "
        "siden klyngernes udvikling, mål og status her.",
        "en": "Målbillede has no figures yet. Once the first status workbook is uploaded, this "
        "page shows the clusters' development, targets and status.",
    },
    "goal.upload_link": {
        "da": "Indlæs det første statusark →",
        "en": "Upload the first status workbook →",
    },
    "goal.see_indicator": {"da": "Se indikatoren →", "en": "See the indicator →"},
    "goal.target_by": {"da": "i {period}", "en": "by {period}"},
    "goal.criterion.no_areas": {
        "da": "Succeskriteriet gælder ingen områder i kataloget.",
        "en": "The success criterion applies to no areas in the catalogue.",
    },
    "goal.criterion.no_data": {
        "da": "Ingen klynge har endnu tal for {indicator}, så succeskriteriet kan ikke vurderes.",
        "en": "No cluster has figures for {indicator} yet, so the criterion cannot be assessed.",
    },
    "goal.criterion.missing": {
        "da": "Ingen tal for dette succeskriterium: {areas}.",
        "en": "No figures for this success criterion: {areas}.",
    },
    "goal.chart.pick_cluster": {
        "da": "Målet er en ændring fra basisåret, så hver klynge har sit eget måltal (se tabellen). "
        "Fremhæv en klynge for at se dens vej mod målet.",
        "en": "The target is a change from the baseline, so each cluster has its own target "
        "value (see the table). Highlight a cluster to see its path to the target.",
    },
    "goal.compare.title": {
        "da": "Klyngerne og regionen, {period}",
        "en": "The clusters and the region, {period}",
    },
    "goal.compare.no_ci": {
        "da": "Uden sikkerhedsintervaller kan forskellen til regionen ikke vurderes statistisk.",
        "en": "Without confidence intervals the difference from the region cannot be judged "
        "statistically.",
    },
    "goal.compare.no_region": {
        "da": "{region} har ingen værdi for perioden, så klyngerne er ikke sammenlignet.",
        "en": "{region} has no value for the period, so the clusters are not compared.",
    },
    "goal.inputs": {
        "da": "Grundlaget for hver vurdering",
        "en": "The inputs behind each verdict",
    },
    "goal.inputs.unit": {"da": "værdier i {unit}", "en": "values in {unit}"},
    "goal.why_all": {
        "da": "Hvorfor denne status? Forklaringen for hver klynge",
        "en": "Why this status? The explanation for each cluster",
    },
    "goal.col.area": {"da": "Klynge", "en": "Cluster"},
    "goal.col.verdict": {"da": "Vurdering", "en": "Verdict"},
    "goal.col.status": {"da": "Open SDG-status (score)", "en": "Open SDG status (score)"},
    "goal.col.change": {"da": "Ændring om året", "en": "Change a year"},
    "goal.col.needed": {"da": "Nødvendigt om året", "en": "Needed a year"},
    "goal.col.base": {"da": "Basis", "en": "Baseline"},
    "goal.col.latest": {"da": "Seneste", "en": "Latest"},
    "goal.col.target": {"da": "Mål", "en": "Target"},
    "goal.col.region": {"da": "Mod regionen", "en": "Against the region"},
    "goal.inequality.title": {
        "da": "Social ulighed: uddannelsesgrupperne over tid",
        "en": "Social inequality: the education groups over time",
    },
    "goal.inequality.help": {
        "da": "Øverst hver gruppe over tid, nederst forskellen {a} − {b} og målet for den.",
        "en": "Above, each group over time; below, the gap {a} − {b} and its target.",
    },
    "goal.inequality.help.region": {
        "da": " Fremhæv en klynge ovenfor for at se klyngen i stedet for hele regionen.",
        "en": " Highlight a cluster above to see the cluster instead of the whole region.",
    },
    "goal.inequality.chart": {"da": "{indicator} · {area}", "en": "{indicator} · {area}"},
    "goal.inequality.pick_cluster": {
        "da": "Målet for forskellen er en ændring fra hver klynges basisværdi; fremhæv en klynge "
        "for at se dens mål.",
        "en": "The target for the gap is a change from each cluster's baseline value; highlight "
        "a cluster to see its target.",
    },
    # --- Indikatorer -----------------------------------------------------------------------------
    "indicator.title": {"da": "Indikatorer", "en": "Indicators"},
    "indicator.none": {
        "da": "Kataloget har endnu ingen indikatorer.",
        "en": "The catalogue has no indicators yet.",
    },
    "indicator.choose": {"da": "Indikator", "en": "Indicator"},
    "indicator.areas": {"da": "Områder", "en": "Areas"},
    "indicator.groups": {"da": "Grupper", "en": "Groups"},
    "indicator.from": {"da": "Fra", "en": "From"},
    "indicator.to": {"da": "Til", "en": "To"},
    "indicator.periods": {"da": "Perioder", "en": "Periods"},
    "indicator.swapped": {
        "da": "Fra-perioden lå efter til-perioden; de er byttet om.",
        "en": "The first period was after the last one; they have been swapped.",
    },
    "indicator.empty_selection": {
        "da": "Vælg mindst ét område og én gruppe for at se tal.",
        "en": "Choose at least one area and one group to see figures.",
    },
    "indicator.no_values": {
        "da": "Der er endnu ingen tal for denne indikator. De kommer med det næste statusark, "
        "der indeholder den.",
        "en": "There are no figures for this indicator yet. They arrive with the next status "
        "workbook that contains it.",
    },
    "indicator.no_values_selected": {
        "da": "Der er ingen tal for det valgte. Prøv andre områder, grupper eller perioder.",
        "en": "There are no figures for this choice. Try other areas, groups or periods.",
    },
    "indicator.many_series": {
        "da": "{n} linjer er flere, end farverne kan skelne; vælg færre områder eller grupper "
        "for et diagram, der kan læses på en delt skærm.",
        "en": "{n} lines are more than the colours can tell apart; choose fewer areas or groups "
        "for a chart that reads on a shared screen.",
    },
    "indicator.about": {"da": "Om indikatoren", "en": "About the indicator"},
    "indicator.about.indicator": {"da": "Indikator", "en": "Indicator"},
    "indicator.about.definition": {"da": "Definition", "en": "Definition"},
    "indicator.about.unit": {"da": "Enhed", "en": "Unit"},
    "indicator.about.polarity": {"da": "Retning", "en": "Polarity"},
    "indicator.about.frequency": {"da": "Opgøres", "en": "Measured"},
    "indicator.about.source": {"da": "Kilde", "en": "Source"},
    "indicator.about.owner": {"da": "Indberettes af", "en": "Reported by"},
    "indicator.about.fetched": {"da": "Hentet", "en": "Downloaded"},
    "indicator.about.sheet": {"da": "Om data", "en": "About the data"},
    "indicator.polarity.higher": {"da": "Højere er bedre", "en": "Higher is better"},
    "indicator.polarity.lower": {"da": "Lavere er bedre", "en": "Lower is better"},
    "indicator.polarity.none": {
        "da": "Ingen retning (vurderes ikke som bedre eller dårligere)",
        "en": "No direction (not judged better or worse)",
    },
    "indicator.frequency.year": {"da": "Årligt", "en": "Yearly"},
    "indicator.frequency.half_year": {"da": "Halvårligt", "en": "Half-yearly"},
    "indicator.frequency.quarter": {"da": "Kvartalsvis", "en": "Quarterly"},
    "indicator.frequency.month": {"da": "Månedligt", "en": "Monthly"},
    "indicator.download": {"da": "Hent det viste", "en": "Download what is shown"},
    "indicator.download.xlsx": {"da": "Excel (xlsx)", "en": "Excel (xlsx)"},
    "indicator.download.csv": {"da": "CSV", "en": "CSV"},
    "indicator.table": {"da": "Tallene ({n} rækker)", "en": "The figures ({n} rows)"},
    "indicator.column.period": {"da": "Periode", "en": "Period"},
    "indicator.column.area": {"da": "Område", "en": "Area"},
    "indicator.column.group": {"da": "Gruppe", "en": "Group"},
    "indicator.column.value": {"da": "Værdi ({unit})", "en": "Value ({unit})"},
    "indicator.column.lower": {"da": "Nedre 95 %-grænse", "en": "Lower 95 % limit"},
    "indicator.column.upper": {"da": "Øvre 95 %-grænse", "en": "Upper 95 % limit"},
    "indicator.column.numerator": {"da": "Tæller", "en": "Numerator"},
    "indicator.column.denominator": {"da": "Nævner", "en": "Denominator"},
    "indicator.column.note": {"da": "Bemærkning", "en": "Note"},
}
