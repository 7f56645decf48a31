"""Texts of the status assessment: labels, reasons in words a director understands, and the
`goals status` table. Placeholders: {area}, {base}, {latest}, {target_period} (period labels),
{base_value}, {latest_value}, {target} (numbers with unit), {observed}, {required} (rates)."""

TEXTS = {
    # statuses (goals.status.progress.STATUSES)
    "status.target_achieved": {"da": "Målet er nået", "en": "Target achieved"},
    "status.on_track": {"da": "På rette spor", "en": "On track"},
    "status.needs_acceleration": {
        "da": "Fremgang – men for langsom",
        "en": "Progress – but too slow",
    },
    "status.limited_progress": {"da": "Begrænset fremgang", "en": "Limited progress"},
    "status.deterioration": {"da": "Forværring", "en": "Deterioration"},
    "status.not_available": {"da": "Kan ikke vurderes", "en": "Cannot be assessed"},
    # the verdict that says a change cannot be told apart from noise (goals.status.verdicts)
    "status.uncertain": {"da": "Ingen sikker ændring", "en": "No certain change"},
    # combined verdicts (goals.status.verdicts.combine): the count that supports the colour
    "status.support.target_achieved": {
        "da": "{k} af {n} succeskriterier har nået målet",
        "en": "{k} of {n} success criteria have reached the target",
    },
    "status.support.on_track": {
        "da": "{k} af {n} succeskriterier er på rette spor eller har nået målet",
        "en": "{k} of {n} success criteria are on track or have reached the target",
    },
    "status.support.needs_acceleration": {
        "da": "{k} af {n} succeskriterier er i fremgang eller bedre",
        "en": "{k} of {n} success criteria are progressing or better",
    },
    "status.support.limited_progress": {
        "da": "{k} af {n} succeskriterier har mindst begrænset fremgang",
        "en": "{k} of {n} success criteria show at least limited progress",
    },
    "status.support.uncertain": {
        "da": "{k} af {n} succeskriterier er ikke i forværring",
        "en": "{k} of {n} success criteria are not deteriorating",
    },
    "status.support.deterioration": {
        "da": "{k} af {n} succeskriterier er i forværring",
        "en": "{k} of {n} success criteria are deteriorating",
    },
    "status.support.not_available": {
        "da": "{k} af {n} succeskriterier kan ikke vurderes",
        "en": "{k} of {n} success criteria cannot be assessed",
    },
    "status.rollup.rule": {
        "da": "Samlet status er den bedste status, som mere end halvdelen af succeskriterierne har "
        "nået eller overgået, i rækkefølgen målet er nået, på rette spor, fremgang – men for "
        "langsom, begrænset fremgang, ingen sikker ændring, forværring. Kan halvdelen eller flere "
        "ikke vurderes, kan helheden heller ikke.",
        "en": "A combined status is the best status that more than half of the success criteria "
        "reach or beat, in the order target achieved, on track, progress – but too slow, limited "
        "progress, no certain change, deterioration. If half or more cannot be assessed, neither "
        "can the whole.",
    },
    "status.message": {
        "da": "{subject}: {verdict} i {k} af {n} klynger",
        "en": "{subject}: {verdict} in {k} of {n} clusters",
    },
    "status.message.inequality": {"da": "Social ulighed", "en": "Social inequality"},
    # why a criterion cannot be assessed in an area (reason codes of goals.status.REASON_CODES)
    "data.suppressed": {
        "da": "Diskretioneret (under {n})",
        "en": "Suppressed (below {n})",
    },
    "data.suppressed.note": {
        "da": "Tal, der bygger på færre end {n} personer, vises ikke (diskretionering).",
        "en": "Figures that rest on fewer than {n} people are not shown (small-number suppression).",
    },
    "data.derived": {
        "da": "Beregnet af kommunernes tal: {names}",
        "en": "Combined from the municipalities' figures: {names}",
    },
    "indicator.derived_note": {
        "da": "{area}: tallene for {periods} er lagt sammen af kommunernes tal (kommunerne, der hørte til klyngen dengang).",
        "en": "{area}: the figures for {periods} are combined from the municipalities' figures (those that belonged to the cluster then).",
    },
    "status.explain.derived": {
        "da": " Tallene for {periods} er lagt sammen af kommunernes tal, efter hvilke kommuner der hørte til {area} dengang.",
        "en": " The figures for {periods} are combined from the municipalities' figures, by which municipalities belonged to {area} then.",
    },
    "status.explain.suppressed": {
        "da": " Tallene for {periods} vises ikke, fordi de bygger på for få personer (diskretionering), og de indgår ikke i vurderingen.",
        "en": " The figures for {periods} are not shown because they rest on too few people (small-number suppression), and they are left out of the assessment.",
    },
    "status.reason.no_data": {
        "da": "{area} har endnu ingen tal for indikatoren, så udviklingen kan ikke vurderes.",
        "en": "{area} has no figures for the indicator yet, so the development cannot be assessed.",
    },
    "status.reason.no_baseline_value": {
        "da": "{area} har ingen værdi for basisåret {base}, så udviklingen kan ikke vurderes.",
        "en": "{area} has no value for the baseline {base}, so the development cannot be assessed.",
    },
    "status.reason.fewer_than_two_periods": {
        "da": "{area} har kun tal for én periode ({latest}), så der er endnu ingen udvikling at "
        "vurdere.",
        "en": "{area} has figures for only one period ({latest}), so there is no development to "
        "assess yet.",
    },
    "status.reason.no_base_value": {
        "da": "{area} har ingen tal fra basisåret {base} eller senere, så udviklingen kan ikke "
        "vurderes.",
        "en": "{area} has no figures from the baseline {base} or later, so the development "
        "cannot be assessed.",
    },
    "status.reason.base_not_before_latest": {
        "da": "{area} har ingen tal efter basisåret {base}, så udviklingen kan ikke vurderes endnu.",
        "en": "{area} has no figures after the baseline {base}, so the development cannot be "
        "assessed yet.",
    },
    "status.reason.opposite_signs": {
        "da": "Værdien i {area} har skiftet fortegn mellem {base} og {latest}, så den årlige "
        "udvikling kan ikke beregnes.",
        "en": "The value in {area} changed sign between {base} and {latest}, so the annual "
        "change cannot be computed.",
    },
    "status.reason.target_opposite_sign": {
        "da": "Målet og basisværdien i {area} har modsat fortegn, så den nødvendige årlige "
        "udvikling kan ikke beregnes.",
        "en": "The target and the baseline value in {area} have opposite signs, so the required "
        "annual change cannot be computed.",
    },
    "status.reason.target_not_after_base": {
        "da": "Målåret {target_period} ligger ikke efter basisåret {base}, så den nødvendige "
        "årlige udvikling kan ikke beregnes.",
        "en": "The target year {target_period} is not after the baseline {base}, so the "
        "required annual change cannot be computed.",
    },
    "status.reason.not_computable": {
        "da": "Tallene for {area} er så ekstreme, at den årlige udvikling ikke kan beregnes "
        "meningsfuldt.",
        "en": "The figures for {area} are so extreme that the annual change cannot be computed "
        "meaningfully.",
    },
    "status.reason.no_polarity": {
        "da": "Indikatoren har hverken en retning (om højere eller lavere er bedst) eller et "
        "måltal, så udviklingen kan ikke vurderes.",
        "en": "The indicator has neither a direction (whether higher or lower is better) nor a "
        "target, so the development cannot be assessed.",
    },
    "status.reason.no_direction": {
        "da": "Målet er det samme som basisværdien, og indikatoren har ingen retning, så det er "
        "uklart, hvilken vej udviklingen skal gå.",
        "en": "The target equals the baseline value and the indicator has no direction, so it "
        "is unclear which way the development should go.",
    },
    "status.reason.negative_gap": {
        "da": "Forskellen mellem grupperne er negativ i {area} i basisåret {base}. Et "
        "ulighedskriterium forudsætter, at den første gruppe har den højeste værdi.",
        "en": "The gap between the groups is negative in {area} at the baseline {base}. An "
        "inequality criterion assumes that the first group has the higher value.",
    },
    # the reasoning behind an assessed status: the change in the indicator's own unit, whether
    # it is more than noise, and what is needed a year from now ({per_year}, {margin} and
    # {needed} are changes in the unit, see goals.status.format_change)
    "status.explain.level.share": {
        "da": "Andelen er {latest_value} ({latest}).",
        "en": "The share is {latest_value} ({latest}).",
    },
    "status.explain.level.gap": {
        "da": "Forskellen mellem grupperne er {latest_value} ({latest}).",
        "en": "The gap between the groups is {latest_value} ({latest}).",
    },
    "status.explain.level.value": {
        "da": "Værdien er {latest_value} ({latest}).",
        "en": "The value is {latest_value} ({latest}).",
    },
    "status.explain.change.share.down": {
        "da": "Andelen er faldet fra {base_value} i {base} til {latest_value} i {latest}{per_year}.",
        "en": "The share fell from {base_value} in {base} to {latest_value} in {latest}{per_year}.",
    },
    "status.explain.change.share.up": {
        "da": "Andelen er steget fra {base_value} i {base} til {latest_value} i {latest}{per_year}.",
        "en": "The share rose from {base_value} in {base} to {latest_value} in {latest}{per_year}.",
    },
    "status.explain.change.share.same": {
        "da": "Andelen er uændret: {base_value} i {base} og {latest_value} i {latest}.",
        "en": "The share is unchanged: {base_value} in {base} and {latest_value} in {latest}.",
    },
    "status.explain.change.gap.down": {
        "da": "Forskellen mellem grupperne er faldet fra {base_value} i {base} til "
        "{latest_value} i {latest}{per_year}.",
        "en": "The gap between the groups narrowed from {base_value} in {base} to "
        "{latest_value} in {latest}{per_year}.",
    },
    "status.explain.change.gap.up": {
        "da": "Forskellen mellem grupperne er steget fra {base_value} i {base} til "
        "{latest_value} i {latest}{per_year}.",
        "en": "The gap between the groups widened from {base_value} in {base} to "
        "{latest_value} in {latest}{per_year}.",
    },
    "status.explain.change.gap.same": {
        "da": "Forskellen mellem grupperne er uændret: {base_value} i {base} og {latest_value} "
        "i {latest}.",
        "en": "The gap between the groups is unchanged: {base_value} in {base} and "
        "{latest_value} in {latest}.",
    },
    "status.explain.change.value.down": {
        "da": "Værdien er faldet fra {base_value} i {base} til {latest_value} i {latest}{per_year}.",
        "en": "The value fell from {base_value} in {base} to {latest_value} in {latest}{per_year}.",
    },
    "status.explain.change.value.up": {
        "da": "Værdien er steget fra {base_value} i {base} til {latest_value} i {latest}{per_year}.",
        "en": "The value rose from {base_value} in {base} to {latest_value} in {latest}{per_year}.",
    },
    "status.explain.change.value.same": {
        "da": "Værdien er uændret: {base_value} i {base} og {latest_value} i {latest}.",
        "en": "The value is unchanged: {base_value} in {base} and {latest_value} in {latest}.",
    },
    "status.explain.per_year": {"da": " ({rate} om året)", "en": " ({rate} a year)"},
    "status.explain.certainty.certain": {
        "da": "Ændringen er større end den statistiske usikkerhed (±{margin}).",
        "en": "The change is larger than the statistical uncertainty (±{margin}).",
    },
    "status.explain.certainty.uncertain": {
        "da": "Ændringen er inden for den statistiske usikkerhed (±{margin}), så den kan ikke "
        "skelnes fra tilfældig variation.",
        "en": "The change is within the statistical uncertainty (±{margin}), so it cannot be told "
        "apart from chance variation.",
    },
    "status.explain.certainty.unknown": {
        "da": "Tallene har ingen oplyst usikkerhed, så det kan ikke afgøres, om ændringen er mere "
        "end tilfældig variation.",
        "en": "The figures have no stated uncertainty, so it cannot be said whether the change is "
        "more than chance variation.",
    },
    "status.explain.certainty.same": {
        "da": "Den statistiske usikkerhed er ±{margin}.",
        "en": "The statistical uncertainty is ±{margin}.",
    },
    "status.explain.target_met": {
        "da": "Målet på {target} i {target_period} er nået.",
        "en": "The target of {target} for {target_period} has been reached.",
    },
    "status.explain.target_passed": {
        "da": "Målåret {target_period} er passeret, uden at målet på {target} er nået.",
        "en": "The target year {target_period} has passed without the target of {target} being "
        "reached.",
    },
    "status.explain.needed.share.down": {
        "da": "For at nå {target} i {target_period} skal andelen falde {needed} om året fra nu.",
        "en": "To reach {target} by {target_period} the share must fall by {needed} a year from "
        "now.",
    },
    "status.explain.needed.share.up": {
        "da": "For at nå {target} i {target_period} skal andelen stige {needed} om året fra nu.",
        "en": "To reach {target} by {target_period} the share must rise by {needed} a year from "
        "now.",
    },
    "status.explain.needed.gap.down": {
        "da": "For at nå {target} i {target_period} skal forskellen falde {needed} om året fra nu.",
        "en": "To reach {target} by {target_period} the gap must narrow by {needed} a year from "
        "now.",
    },
    "status.explain.needed.gap.up": {
        "da": "For at nå {target} i {target_period} skal forskellen stige {needed} om året fra nu.",
        "en": "To reach {target} by {target_period} the gap must widen by {needed} a year from "
        "now.",
    },
    "status.explain.needed.value.down": {
        "da": "For at nå {target} i {target_period} skal værdien falde {needed} om året fra nu.",
        "en": "To reach {target} by {target_period} the value must fall by {needed} a year from "
        "now.",
    },
    "status.explain.needed.value.up": {
        "da": "For at nå {target} i {target_period} skal værdien stige {needed} om året fra nu.",
        "en": "To reach {target} by {target_period} the value must rise by {needed} a year from "
        "now.",
    },
    "status.explain.no_target": {
        "da": "Der er intet måltal, så udviklingen vurderes mod faste satser (1,5 % og 0,5 % om "
        "året i den ønskede retning).",
        "en": "There is no target, so the change is judged against fixed rates (1.5 % and 0.5 % "
        "a year in the desired direction).",
    },
    "status.unit.points": {"da": "procentpoint", "en": "percentage points"},
    "status.explain.base_moved": {
        "da": " Der er ingen værdi for basisåret {baseline}, så {base} er brugt som basis.",
        "en": " There is no value for the baseline {baseline}, so {base} is used as the base.",
    },
    "status.explain.direction_inferred": {
        "da": " Indikatoren har ingen retning; målet viser, at {direction} er bedst.",
        "en": " The indicator has no direction; the target shows that {direction} is better.",
    },
    "status.direction.higher": {"da": "højere", "en": "higher"},
    "status.direction.lower": {"da": "lavere", "en": "lower"},
    # comparison with the region (goals.status.compare.COMPARISONS)
    "status.comparison.better": {"da": "Bedre end regionen", "en": "Better than the region"},
    "status.comparison.similar": {"da": "Som regionen", "en": "Similar to the region"},
    "status.comparison.worse": {"da": "Dårligere end regionen", "en": "Worse than the region"},
    "status.comparison.higher": {"da": "Højere end regionen", "en": "Higher than the region"},
    "status.comparison.lower": {"da": "Lavere end regionen", "en": "Lower than the region"},
    "status.comparison.not_compared": {"da": "Ikke sammenlignet", "en": "Not compared"},
    # recent trend (goals.status.compare.Trend.judgement)
    "status.trend.improving": {"da": "Bliver bedre", "en": "Improving"},
    "status.trend.worsening": {"da": "Bliver dårligere", "en": "Worsening"},
    "status.trend.no_judgement": {"da": "Ændrer sig", "en": "Changing"},
    "status.trend.no_significant_change": {
        "da": "Ingen sikker ændring",
        "en": "No significant change",
    },
    "status.trend.direction_only": {
        "da": "Retning uden test: {direction}",
        "en": "Direction only, not tested: {direction}",
    },
    "status.trend.not_calculated": {"da": "Ingen tendens beregnet", "en": "No trend calculated"},
    "status.trend.increasing": {"da": "stigende", "en": "increasing"},
    "status.trend.decreasing": {"da": "faldende", "en": "decreasing"},
    # `python -m goals status`
    "status.cli.criterion": {"da": "Kriterium", "en": "Criterion"},
    "status.cli.area": {"da": "Område", "en": "Area"},
    "status.cli.base_latest": {"da": "Basis → seneste", "en": "Base → latest"},
    "status.cli.target": {"da": "Mål", "en": "Target"},
    "status.cli.verdict": {"da": "Status", "en": "Status"},
    "status.cli.status": {"da": "Open SDG", "en": "Open SDG"},
    "status.cli.track": {"da": "Spor", "en": "Track"},
    "status.cli.score": {"da": "Score", "en": "Score"},
    "status.cli.reason": {"da": "Begrundelse", "en": "Reason"},
    "status.cli.target_in": {"da": "{target} i {period}", "en": "{target} by {period}"},
    "status.cli.meeting_as_of": {
        "da": "--as-of og --meeting kan ikke bruges sammen: et fastfrosset møde viser tallene, "
        "som de stod, da det blev fastfrosset.",
        "en": "--as-of and --meeting cannot be used together: a frozen meeting shows the "
        "figures as they stood when it was frozen.",
    },
    "status.cli.no_criteria": {
        "da": "Der er ingen succeskriterier at vurdere.",
        "en": "There are no success criteria to assess.",
    },
    "status.unknown_area": {
        "da": "Området '{name}' findes ikke i kataloget.",
        "en": "The area '{name}' is not in the catalogue.",
    },
    "status.unknown_area.suggest": {
        "da": "Området '{name}' findes ikke i kataloget – mente du {suggestions}?",
        "en": "The area '{name}' is not in the catalogue – did you mean {suggestions}?",
    },
    "status.bad_period": {
        "da": "'{value}' er ikke en periode (skriv fx 2023, 2023K2, 2023H1 eller 2023-06).",
        "en": "'{value}' is not a period (write e.g. 2023, 2023K2, 2023H1 or 2023-06).",
    },
}
