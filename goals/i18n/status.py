"""Texts of the status assessment: labels, reasons in words a director understands, and the
`goals status` table. Placeholders: {area}, {base}, {latest}, {target_period} (period labels),
{base_value}, {latest_value}, {target} (numbers with unit), {observed}, {required} (rates)."""

TEXTS = {
    # statuses (goals.progress.STATUSES)
    "status.target_achieved": {"da": "Målet er nået", "en": "Target achieved"},
    "status.on_track": {"da": "På rette spor", "en": "On track"},
    "status.needs_acceleration": {
        "da": "Fremgang – men for langsom",
        "en": "Progress – but too slow",
    },
    "status.limited_progress": {"da": "Begrænset fremgang", "en": "Limited progress"},
    "status.deterioration": {"da": "Forværring", "en": "Deterioration"},
    "status.not_available": {"da": "Kan ikke vurderes", "en": "Cannot be assessed"},
    # why a criterion cannot be assessed in an area (reason codes of goals.status.REASON_CODES)
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
    # the reasoning behind an assessed status
    "status.explain.achieved": {
        "da": "I {area} er {what} gået fra {base_value} ({base}) til {latest_value} ({latest}), "
        "så målet på {target} i {target_period} er nået.",
        "en": "In {area} {what} went from {base_value} ({base}) to {latest_value} ({latest}), "
        "so the target of {target} for {target_period} has been reached.",
    },
    "status.explain.achieved_latest": {
        "da": "I {area} er {what} {latest_value} ({latest}), så målet på {target} i "
        "{target_period} er nået.",
        "en": "In {area} {what} is {latest_value} ({latest}), so the target of {target} for "
        "{target_period} has been reached.",
    },
    "status.explain.target": {
        "da": "I {area} er {what} gået fra {base_value} ({base}) til {latest_value} ({latest}), "
        "gennemsnitligt {observed} om året. For at nå {target} i {target_period} kræves "
        "{required} om året.",
        "en": "In {area} {what} went from {base_value} ({base}) to {latest_value} ({latest}), "
        "{observed} a year on average. Reaching {target} by {target_period} requires "
        "{required} a year.",
    },
    "status.explain.no_target": {
        "da": "I {area} er {what} gået fra {base_value} ({base}) til {latest_value} ({latest}), "
        "gennemsnitligt {observed} om året. Uden måltal vurderes udviklingen mod faste satser "
        "(1,5 % og 0,5 % om året i den ønskede retning).",
        "en": "In {area} {what} went from {base_value} ({base}) to {latest_value} ({latest}), "
        "{observed} a year on average. Without a target the change is judged against fixed "
        "rates (1.5 % and 0.5 % a year in the desired direction).",
    },
    "status.what.value": {"da": "værdien", "en": "the value"},
    "status.what.gap": {"da": "forskellen mellem grupperne", "en": "the gap between the groups"},
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
    "status.rate.per_year": {"da": "{rate} %", "en": "{rate} %"},
    # comparison with the region (goals.compare.COMPARISONS)
    "status.comparison.better": {"da": "Bedre end regionen", "en": "Better than the region"},
    "status.comparison.similar": {"da": "Som regionen", "en": "Similar to the region"},
    "status.comparison.worse": {"da": "Dårligere end regionen", "en": "Worse than the region"},
    "status.comparison.higher": {"da": "Højere end regionen", "en": "Higher than the region"},
    "status.comparison.lower": {"da": "Lavere end regionen", "en": "Lower than the region"},
    "status.comparison.not_compared": {"da": "Ikke sammenlignet", "en": "Not compared"},
    # recent trend (goals.compare.Trend.judgement)
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
    "status.cli.status": {"da": "Status", "en": "Status"},
    "status.cli.score": {"da": "Score", "en": "Score"},
    "status.cli.reason": {"da": "Begrundelse", "en": "Reason"},
    "status.cli.target_in": {"da": "{target} i {period}", "en": "{target} by {period}"},
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
