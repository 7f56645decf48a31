"""Texts of the work plan (Arbejdsplan) and the economy (Økonomi): pages, slides, command line."""

TEXTS = {
    "nav.workplan": {"da": "Arbejdsplan", "en": "Work plan"},
    "nav.economy": {"da": "Økonomi", "en": "Economy"},
    # --- the work plan ---
    "plans.title": {"da": "Arbejdsplan", "en": "Work plan"},
    "plans.intro": {
        "da": "Hvornår hvilke indsatser udvikles og udrulles: start og slut, næste milepæl, status og ansvarlig, som styregrupperne har indberettet dem i statusarkets ark Indsatser.",
        "en": "When which initiatives are developed and rolled out: start and end, next milestone, status and who is responsible, as the steering groups reported them in the status workbook's Initiatives sheet.",
    },
    "plans.all_clusters": {"da": "Alle klynger", "en": "All clusters"},
    "plans.all_tracks": {"da": "Alle spor", "en": "All tracks"},
    "plans.pick_cluster": {"da": "Klynge", "en": "Cluster"},
    "plans.pick_track": {"da": "Spor", "en": "Track"},
    "plans.none": {
        "da": "Der er ikke indberettet nogen indsatser her endnu.",
        "en": "No initiatives have been reported here yet.",
    },
    "plans.count.initiatives": {"da": "Indsatser", "en": "Initiatives"},
    "plans.count.overdue": {"da": "Overskredet slutdato", "en": "Past their end date"},
    "plans.count.milestone_passed": {"da": "Milepæl passeret", "en": "Milestone passed"},
    "plans.count.over_budget": {"da": "Over budget", "en": "Over budget"},
    "plans.overdue": {"da": "Overskredet", "en": "Overdue"},
    "plans.over_budget": {"da": "Over budget", "en": "Over budget"},
    "plans.milestone": {"da": "Næste milepæl", "en": "Next milestone"},
    "plans.milestone_passed": {"da": "Milepælsdatoen er passeret", "en": "Milestone date passed"},
    "plans.today": {"da": "I dag {date}", "en": "Today {date}"},
    "plans.period": {"da": "Start – slut", "en": "Start – end"},
    "plans.attention": {"da": "Bemærk", "en": "Attention"},
    "plans.undated": {
        "da": "{n} indsats(er) har hverken start- eller slutdato og står kun i tabellen.",
        "en": "{n} initiative(s) have neither a start nor an end date and are only in the table.",
    },
    "plans.method": {
        "da": "Overskredet: slutdatoen er passeret, og indsatsen er hverken Gennemført eller Stoppet. Over budget: forbruget er større end budgettet (begge indberettet). Datoer og beløb er styregruppernes egne, fra det seneste statusark.",
        "en": "Overdue: the end date has passed and the initiative is neither Completed nor Stopped. Over budget: spent is larger than the budget (both reported). Dates and amounts are the steering groups' own, from the latest status workbook.",
    },
    "plans.unknown_cluster": {
        "da": "Klyngen '{name}' findes ikke. Kendte klynger: {known}.",
        "en": "The cluster '{name}' does not exist. Known clusters: {known}.",
    },
    "plans.unknown_track": {
        "da": "Sporet '{name}' findes ikke. Kendte spor: {known}.",
        "en": "The track '{name}' does not exist. Known tracks: {known}.",
    },
    # --- the economy ---
    "plans.economy.title": {"da": "Økonomi", "en": "Economy"},
    "plans.economy.intro": {
        "da": "Indsatsernes budget og forbrug i kroner, lagt sammen pr. spor, klynge og mål, og sekretariatets puljer med bevilling og forbrug pr. år.",
        "en": "The initiatives' budget and spending in kroner, summed per track, cluster and goal, and the secretariat's pools with the amount granted and spent per year.",
    },
    "plans.budget": {"da": "Budget", "en": "Budget"},
    "plans.spent": {"da": "Forbrug", "en": "Spent"},
    "plans.remaining": {"da": "Rest", "en": "Remaining"},
    "plans.used": {"da": "Brugt af budget", "en": "Share of budget used"},
    "plans.granted": {"da": "Bevilget", "en": "Granted"},
    "plans.granted_kr": {"da": "Bevilget (kr.)", "en": "Granted (DKK)"},
    "plans.spent_kr": {"da": "Forbrug (kr.)", "en": "Spent (DKK)"},
    "plans.by": {"da": "Læg sammen pr.", "en": "Sum by"},
    "plans.by.track": {"da": "Pr. spor", "en": "By track"},
    "plans.by.cluster": {"da": "Pr. klynge", "en": "By cluster"},
    "plans.by.goal": {"da": "Pr. mål", "en": "By goal"},
    "plans.level.track": {"da": "Spor", "en": "Track"},
    "plans.level.cluster": {"da": "Klynge", "en": "Cluster"},
    "plans.level.goal": {"da": "Mål", "en": "Goal"},
    "plans.initiatives_n": {"da": "{n} indsatser", "en": "{n} initiatives"},
    "plans.without_budget": {"da": "Uden budget", "en": "Without budget"},
    "plans.without_budget.note": {
        "da": "{n} indsats(er) har intet budget indberettet og tæller ikke med i budgettet.",
        "en": "{n} initiative(s) have no budget reported and are not in the budget total.",
    },
    "plans.over_budget.title": {
        "da": "Indsatser over budget ({n})",
        "en": "Initiatives over budget ({n})",
    },
    "plans.over_budget.none": {
        "da": "Ingen indsatser har brugt mere end deres budget.",
        "en": "No initiative has spent more than its budget.",
    },
    "plans.over_by": {"da": "Over med", "en": "Over by"},
    # --- pools ---
    "plans.pools": {"da": "Puljer", "en": "Pools"},
    "plans.pools.none": {"da": "Ingen puljer endnu.", "en": "No pools yet."},
    "plans.pool": {"da": "Pulje", "en": "Pool"},
    "plans.year": {"da": "År", "en": "Year"},
    "plans.note": {"da": "Note", "en": "Note"},
    "plans.save": {"da": "Gem", "en": "Save"},
    "plans.over_granted": {"da": "Forbrug over bevilling", "en": "Spent above granted"},
    "plans.pool.no_years": {"da": "Ingen år indtastet endnu.", "en": "No years entered yet."},
    "plans.pool.edit_year": {
        "da": "Indtast bevilling og forbrug for et år",
        "en": "Enter a year's grant and spending",
    },
    "plans.pool.new": {"da": "Opret eller omdøb en pulje", "en": "Create or rename a pool"},
    "plans.pool.code": {"da": "Kode", "en": "Code"},
    "plans.pool.name": {"da": "Navn", "en": "Name"},
    "plans.pool.name_en": {"da": "Navn på engelsk", "en": "Name in English"},
    "plans.pool.saved": {"da": "Puljen er gemt.", "en": "The pool is saved."},
    "plans.pool.what": {"da": "redigere puljer", "en": "edit pools"},
    "plans.pool.bad_code": {
        "da": "Puljens kode '{code}' kan ikke bruges. Brug 1–40 bogstaver, tal, punktum, bindestreg eller understregning, fx BEREDSKAB.",
        "en": "The pool code '{code}' cannot be used. Use 1–40 letters, digits, dots, hyphens or underscores, e.g. BEREDSKAB.",
    },
    "plans.pool.bad_name": {
        "da": "Puljen skal have et navn på højst 200 tegn.",
        "en": "The pool needs a name of at most 200 characters.",
    },
    "plans.pool.unknown_area": {
        "da": "Området '{name}' findes ikke i kataloget.",
        "en": "The area '{name}' is not in the catalogue.",
    },
    "plans.pool.unknown": {
        "da": "Puljen '{code}' findes ikke. Opret den først.",
        "en": "The pool '{code}' does not exist. Create it first.",
    },
    "plans.pool.bad_year": {
        "da": "Året '{value}' kan ikke bruges. Skriv et år som 2026.",
        "en": "The year '{value}' cannot be used. Write a year such as 2026.",
    },
    # --- the deck's time line ---
    "report.timeline.title": {"da": "Arbejdsplan – {scope}", "en": "Work plan – {scope}"},
    "report.timeline.subtitle": {
        "da": "Indsatserne fra start til slut; ◆ næste milepæl; stiplet linje: i dag",
        "en": "The initiatives from start to end; ◆ next milestone; dashed line: today",
    },
    "report.timeline.notes": {
        "da": "Overskredet slutdato: {names}.",
        "en": "Past their end date: {names}.",
    },
    "report.timeline.notes.none": {
        "da": "Ingen indsatser har overskredet deres slutdato.",
        "en": "No initiative is past its end date.",
    },
}
