"""Texts of the status workbook: importer messages, template, export, history and rollback."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- column and sheet names (the contract's Danish names; English accepted as aliases) ---
    "workbook.sheet.indicators": {"da": "Indikatorer", "en": "Indicators"},
    "workbook.sheet.initiatives": {"da": "Indsatser", "en": "Initiatives"},
    "workbook.sheet.assessments": {"da": "Vurdering", "en": "Assessment"},
    "workbook.sheet.guide": {"da": "Vejledning", "en": "Guide"},
    "workbook.sheet.lists": {"da": "Lister", "en": "Lists"},
    "workbook.sheet.errors": {"da": "Fejl", "en": "Errors"},
    "workbook.col.indicator": {"da": "Indikator", "en": "Indicator"},
    "workbook.col.indicator_name": {"da": "Indikatornavn", "en": "Indicator name"},
    "workbook.col.unit": {"da": "Enhed", "en": "Unit"},
    "workbook.col.area": {"da": "Område", "en": "Area"},
    "workbook.col.period": {"da": "Periode", "en": "Period"},
    "workbook.col.group": {"da": "Gruppe", "en": "Group"},
    "workbook.col.value": {"da": "Værdi", "en": "Value"},
    "workbook.col.numerator": {"da": "Tæller", "en": "Numerator"},
    "workbook.col.denominator": {"da": "Nævner", "en": "Denominator"},
    "workbook.col.lower": {"da": "Nedre", "en": "Lower"},
    "workbook.col.upper": {"da": "Øvre", "en": "Upper"},
    "workbook.col.comment": {"da": "Kommentar", "en": "Comment"},
    "workbook.col.goal": {"da": "Mål", "en": "Goal"},
    "workbook.col.initiative": {"da": "Indsats", "en": "Initiative"},
    "workbook.col.status": {"da": "Status", "en": "Status"},
    "workbook.col.milestone": {"da": "Næste milepæl", "en": "Next milestone"},
    "workbook.col.date": {"da": "Dato", "en": "Date"},
    "workbook.col.responsible": {"da": "Ansvarlig", "en": "Responsible"},
    "workbook.col.start": {"da": "Start", "en": "Start"},
    "workbook.col.end": {"da": "Slut", "en": "End"},
    "workbook.col.budget": {"da": "Budget", "en": "Budget"},
    "workbook.col.spent": {"da": "Forbrug", "en": "Spent"},
    "workbook.col.light": {"da": "Trafiklys", "en": "Traffic light"},
    "workbook.col.status_text": {"da": "Status", "en": "Status"},
    # --- initiative status and traffic lights as written in the workbook ---
    "workbook.initiative.not_started": {"da": "Ikke startet", "en": "Not started"},
    "workbook.initiative.in_progress": {"da": "I gang", "en": "In progress"},
    "workbook.initiative.delayed": {"da": "Forsinket", "en": "Delayed"},
    "workbook.initiative.completed": {"da": "Gennemført", "en": "Completed"},
    "workbook.initiative.stopped": {"da": "Stoppet", "en": "Stopped"},
    "workbook.light.green": {"da": "Grøn", "en": "Green"},
    "workbook.light.yellow": {"da": "Gul", "en": "Yellow"},
    "workbook.light.red": {"da": "Rød", "en": "Red"},
    # --- the whole file ---
    "workbook.file.empty_file": {
        "da": "Filen er tom (0 byte). Vælg statusarket igen og indlæs det på ny.",
        "en": "The file is empty (0 bytes). Choose the status workbook again and upload it.",
    },
    "workbook.file.too_big": {
        "da": "Filen fylder {size} MB, men grænsen er {limit} MB. Slet ubrugte ark og rækker, eller del filen i to.",
        "en": "The file is {size} MB, but the limit is {limit} MB. Delete unused sheets and rows, or split the file in two.",
    },
    "workbook.file.wrong_type": {
        "da": "Filen kan ikke læses som et regneark ({suffix}). Gem den som Excel-projektmappe (.xlsx) eller LibreOffice-regneark (.ods), og prøv igen.",
        "en": "The file cannot be read as a spreadsheet ({suffix}). Save it as an Excel workbook (.xlsx) or a LibreOffice spreadsheet (.ods) and try again.",
    },
    "workbook.file.corrupt": {
        "da": "Filen er beskadiget eller ufuldstændig og kan ikke åbnes. Åbn den i Excel, gem den igen som .xlsx, og prøv igen.",
        "en": "The file is damaged or incomplete and cannot be opened. Open it in Excel, save it again as .xlsx and try again.",
    },
    "workbook.file.encrypted": {
        "da": "Filen er beskyttet med en adgangskode og kan ikke læses. Fjern adgangskoden (i Excel: Filer → Info → Beskyt projektmappe; i LibreOffice: Filer → Egenskaber → Sikkerhed), gem filen, og prøv igen.",
        "en": "The file is protected with a password and cannot be read. Remove the password (in Excel: File → Info → Protect Workbook; in LibreOffice: File → Properties → Security), save the file and try again.",
    },
    "workbook.file.zip_bomb": {
        "da": "Filen ville fylde {size} MB udpakket – grænsen er {limit} MB – så den læses ikke. Et statusark med så mange rækker skal deles i flere filer; ellers gem arket på ny fra Excel, og prøv igen.",
        "en": "The file would unpack to {size} MB – the limit is {limit} MB – so it is not read. A status workbook with that many rows must be split into several files; otherwise save it again from Excel and try again.",
    },
    "workbook.file.zip_members": {
        "da": "Filen består af {members} dele – et regneark har højst {limit} – så den læses ikke. Gem arket på ny fra Excel som .xlsx, og prøv igen.",
        "en": "The file consists of {members} parts – a spreadsheet has at most {limit} – so it is not read. Save it again from Excel as .xlsx and try again.",
    },
    "workbook.file.far_cell": {
        "da": "Arket '{sheet}' har en værdi i celle {cell}, langt uden for resten af arket, så arket ville fylde {cells} celler – grænsen er {limit} celler. Slet indholdet af celle {cell} (eller de tomme rækker og kolonner ud til den), gem filen igen, og prøv igen.",
        "en": "The sheet '{sheet}' has a value in cell {cell}, far outside the rest of the sheet, so the sheet would span {cells} cells – the limit is {limit} cells. Delete the contents of cell {cell} (or the empty rows and columns out to it), save the file again and try again.",
    },
    "workbook.file.empty_workbook": {
        "da": "Projektmappen er tom: der er ingen ark med data.",
        "en": "The workbook is empty: there are no sheets with data.",
    },
    "workbook.file.no_sheets": {
        "da": "Projektmappen har intet ark, der hedder Indikatorer, Indsatser eller Vurdering (fundne ark: {found}). Omdøb arket med tallene til 'Indikatorer', eller brug skabelonen.",
        "en": "The workbook has no sheet called Indicators, Initiatives or Assessment (sheets found: {found}). Rename the sheet with the figures to 'Indicators', or use the template.",
    },
    "workbook.file.no_rows": {
        "da": "Der er ingen udfyldte værdier i filen, så der er intet at indlæse. Udfyld kolonnen Værdi (eller arkene Indsatser og Vurdering).",
        "en": "There are no filled-in values in the file, so there is nothing to load. Fill in the Value column (or the Initiatives and Assessment sheets).",
    },
    "workbook.file.confirm_mismatch": {
        "da": "Filen er ikke den samme som i forhåndsvisningen. Indlæs filen igen, og se forhåndsvisningen, før du gemmer.",
        "en": "The file is not the one that was previewed. Upload it again and check the preview before saving.",
    },
    "workbook.file.busy": {
        "da": "Databasen er optaget af en anden indlæsning lige nu. Intet er gemt – prøv igen om et øjeblik.",
        "en": "The database is busy with another upload right now. Nothing was saved – try again in a moment.",
    },
    "workbook.file.store_error": {
        "da": "Filen blev ikke gemt, fordi databasen svarede med en fejl: {detail} Intet er ændret.",
        "en": "The file was not saved because the database answered with an error: {detail} Nothing was changed.",
    },
    # --- sheets and headers ---
    "workbook.sheet.no_header": {
        "da": "Arket '{sheet}' har ingen overskriftsrække med {expected}. Skriv overskrifterne i én række lige over tallene.",
        "en": "The sheet '{sheet}' has no header row with {expected}. Put the headers in one row directly above the figures.",
    },
    "workbook.sheet.missing_column": {
        "da": "Kolonnen '{column}' mangler i overskriftsrækken (række {row}). Tilføj en kolonne med overskriften '{column}'.",
        "en": "The column '{column}' is missing from the header row (row {row}). Add a column headed '{column}'.",
    },
    "workbook.sheet.duplicate_column": {
        "da": "Overskriften '{column}' står to gange (også i {other}). Slet eller omdøb den ene kolonne.",
        "en": "The header '{column}' appears twice (also in {other}). Delete or rename one of the columns.",
    },
    "workbook.note.copied_sheet": {
        "da": "Arket '{sheet}' læses som en kopi af arket '{base}'.",
        "en": "The sheet '{sheet}' is read as a copy of the sheet '{base}'.",
    },
    "workbook.note.ignored_sheet": {
        "da": "Arket '{sheet}' bruges ikke og springes over.",
        "en": "The sheet '{sheet}' is not used and is skipped.",
    },
    "workbook.note.guessed_sheet": {
        "da": "Arket '{sheet}' læses som Indikatorer, fordi det har overskrifterne Indikator, Område og Periode.",
        "en": "The sheet '{sheet}' is read as Indicators because it has the headers Indicator, Area and Period.",
    },
    "workbook.note.wide": {
        "da": "Arket '{sheet}' har én kolonne pr. periode ({periods}) og læses som {rows} rækker.",
        "en": "The sheet '{sheet}' has one column per period ({periods}) and is read as {rows} rows.",
    },
    "workbook.note.skipped": {
        "da": "{n} rækker i '{sheet}' har ingen værdi og springes over (tom celle = intet indberettet).",
        "en": "{n} rows in '{sheet}' have no value and are skipped (blank cell = nothing reported).",
    },
    "workbook.note.totals": {
        "da": "Række {rows} i '{sheet}' er en sumrække ('{label}' uden område og periode) og springes over.",
        "en": "Row {rows} in '{sheet}' is a totals row ('{label}' with no area and period) and is skipped.",
    },
    "workbook.note.hidden_rows": {
        "da": "Række {rows} i '{sheet}' er skjult eller filtreret fra i regnearket, men er læst "
        "med som alle andre rækker. Slet rækkerne, hvis de ikke skal indlæses.",
        "en": "Row {rows} in '{sheet}' is hidden or filtered out in the spreadsheet, but is read "
        "like every other row. Delete the rows if they should not be loaded.",
    },
    "workbook.note.unused_columns": {
        "da": "Kolonnerne {columns} i '{sheet}' bruges ikke.",
        "en": "The columns {columns} in '{sheet}' are not used.",
    },
    # --- cells ---
    "workbook.cell.formula": {
        "da": "Cellen har en formel uden gemt resultat. Åbn filen i Excel, genberegn (F9) og gem den – eller skriv tallet direkte i cellen.",
        "en": "The cell has a formula with no saved result. Open the file in Excel, recalculate (F9) and save it – or type the number directly.",
    },
    "workbook.cell.error": {
        "da": "Cellen viser fejlen {error}: formlen kan ikke regnes ud (fx division med 0). Ret formlen, skriv tallet direkte – eller '-' hvis tallet er udeladt med vilje.",
        "en": "The cell shows the error {error}: its formula cannot be worked out (e.g. division by 0). Fix the formula, type the number directly – or '-' if the figure is left out on purpose.",
    },
    "workbook.cell.required": {
        "da": "{column} mangler. Udfyld cellen.",
        "en": "{column} is missing. Fill in the cell.",
    },
    "workbook.suggest.one": {"da": " Mente du '{a}'?", "en": " Did you mean '{a}'?"},
    "workbook.suggest.two": {
        "da": " Mente du '{a}' eller '{b}'?",
        "en": " Did you mean '{a}' or '{b}'?",
    },
    "workbook.indicator.unknown": {
        "da": "Indikatoren '{value}' findes ikke.",
        "en": "The indicator '{value}' does not exist.",
    },
    "workbook.indicator.hint": {
        "da": " Skriv indikatorens kode som i skabelonen, fx {example}.",
        "en": " Write the indicator's code as in the template, e.g. {example}.",
    },
    "workbook.area.unknown": {
        "da": "Området '{value}' findes ikke.",
        "en": "The area '{value}' does not exist.",
    },
    "workbook.area.hint": {
        "da": " Skriv en klynge, kommune, hospitalsenhed eller regionen, fx {example}.",
        "en": " Write a cluster, municipality, hospital unit or the region, e.g. {example}.",
    },
    "workbook.group.unknown": {
        "da": "Gruppen '{value}' findes ikke.",
        "en": "The group '{value}' does not exist.",
    },
    "workbook.group.hint": {
        "da": " Lad cellen være tom for 'I alt', eller skriv en gruppe som fx {example}.",
        "en": " Leave the cell blank for the total, or write a group such as {example}.",
    },
    "workbook.goal.unknown": {
        "da": "Målet '{value}' findes ikke.",
        "en": "The goal '{value}' does not exist.",
    },
    "workbook.goal.hint": {
        "da": " Skriv målets kode eller titel, fx '{example}'.",
        "en": " Write the goal's code or title, e.g. '{example}'.",
    },
    "workbook.period.bad": {
        "da": "Perioden '{value}' kan ikke læses. Skriv fx 2017 (år), 2017H1 (halvår), 2017K2 (kvartal) eller 2017-06 (måned).",
        "en": "The period '{value}' cannot be read. Write e.g. 2017 (year), 2017H1 (half-year), 2017K2 (quarter) or 2017-06 (month).",
    },
    "workbook.period.frequency": {
        "da": "Perioden '{value}' er {found}, men {indicator} opgøres {expected}. Skriv fx {example}.",
        "en": "The period '{value}' is {found}, but {indicator} is measured {expected}. Write e.g. {example}.",
    },
    "workbook.period.new_year": {
        "da": "Datoen '{value}' kan både betyde året {year} og den første periode i {year}, men {indicator} opgøres {expected}. Skriv perioden i stedet for datoen, fx {example}.",
        "en": "The date '{value}' could mean the year {year} or the first period of {year}, but {indicator} is measured {expected}. Write the period instead of the date, e.g. {example}.",
    },
    "workbook.freq.year.found": {"da": "et år", "en": "a year"},
    "workbook.freq.half_year.found": {"da": "et halvår", "en": "a half-year"},
    "workbook.freq.quarter.found": {"da": "et kvartal", "en": "a quarter"},
    "workbook.freq.month.found": {"da": "en måned", "en": "a month"},
    "workbook.freq.year.expected": {"da": "pr. år", "en": "per year"},
    "workbook.freq.half_year.expected": {"da": "pr. halvår", "en": "per half-year"},
    "workbook.freq.quarter.expected": {"da": "pr. kvartal", "en": "per quarter"},
    "workbook.freq.month.expected": {"da": "pr. måned", "en": "per month"},
    "workbook.value.not_number": {
        "da": "Værdien '{value}' er ikke et tal. Skriv et tal som 12,5 – eller '-' hvis tallet er udeladt med vilje.",
        "en": "The value '{value}' is not a number. Write a number such as 12.5 – or '-' if the figure is left out on purpose.",
    },
    "workbook.value.date": {
        "da": "Værdien '{value}' er ikke et tal, men en dato – Excel laver fx 13.8 om til 13. august. Formatér cellen som tal og skriv tallet med komma, fx 13,8.",
        "en": "The value '{value}' is not a number but a date – Excel turns e.g. 13.8 into 13 August in a Danish locale. Format the cell as a number and type the number, e.g. 13,8.",
    },
    "workbook.value.ambiguous": {
        "da": "Værdien '{value}' kan betyde både {thousands} (punktum som tusindtalsadskiller) og {decimal} (decimaltal). Skriv {thousands} uden punktum – eller {decimal} med komma, hvis det er et decimaltal.",
        "en": "The value '{value}' could mean {thousands} (the dot separating thousands) or {decimal} (a decimal number). Write {thousands} without the dot – or {decimal} with a decimal comma if a decimal number is meant.",
    },
    "workbook.value.percent_range": {
        "da": "{indicator} er en procentandel, så {column} skal ligge mellem 0 og 100, men her står {value}.",
        "en": "{indicator} is a percentage, so {column} must be between 0 and 100, but the cell holds {value}.",
    },
    "workbook.value.percent_format_hint": {
        "da": " Cellen er formateret som procent; skriv 12,5 % som 12,5 i en almindelig celle eller som 12,5 % i en procentcelle.",
        "en": " The cell is formatted as a percentage; write 12.5 % as 12.5 in a plain cell or as 12.5 % in a percentage cell.",
    },
    "workbook.value.missing_with_details": {
        "da": "Værdi er tom, men {column} er udfyldt. Skriv værdien – eller '-' hvis den er udeladt med vilje.",
        "en": "Value is blank but {column} is filled in. Write the value – or '-' if it is left out on purpose.",
    },
    "workbook.count.not_whole": {
        "da": "{column} skal være et helt tal (et antal), men her står '{value}'.",
        "en": "{column} must be a whole number (a count), but the cell holds '{value}'.",
    },
    "workbook.count.negative": {
        "da": "{column} kan ikke være negativ, men her står '{value}'.",
        "en": "{column} cannot be negative, but the cell holds '{value}'.",
    },
    "workbook.count.zero_denominator": {
        "da": "Nævner skal være større end 0, men her står '{value}'.",
        "en": "The denominator must be greater than 0, but the cell holds '{value}'.",
    },
    "workbook.limits.order": {
        "da": "Tallene passer ikke sammen: Nedre ({lower}) ≤ Værdi ({value}) ≤ Øvre ({upper}) skal gælde. Tjek om to kolonner er byttet om.",
        "en": "The figures do not fit together: Lower ({lower}) ≤ Value ({value}) ≤ Upper ({upper}) must hold. Check whether two columns are swapped.",
    },
    # --- plausibility (issue 12, item 13): what no real indicator figure can be ---
    "workbook.period.window": {
        "da": "Perioden '{value}' kan ikke passe: en indikatorværdi skal høre til en periode fra {first} til og med {last} – tallene beskriver det, der er sket (højst ét år frem). Ret årstallet; en datocelle med 0 vises fx som år 1900.",
        "en": "The period '{value}' cannot be right: an indicator value must belong to a period from {first} up to and including {last} – the figures describe what has happened (at most one year ahead). Correct the year; a date cell holding 0 shows as the year 1900, for instance.",
    },
    "workbook.value.rate_range": {
        "da": "{indicator} opgøres {unit}, så {column} skal ligge mellem 0 og {limit} (mere ville være over {events} hændelser pr. person), men her står {value}.",
        "en": "{indicator} is measured {unit}, so {column} must be between 0 and {limit} (more would be over {events} events per person), but the cell holds {value}.",
    },
    "workbook.value.count_negative": {
        "da": "{indicator} er et antal ({unit}), så {column} kan ikke være negativ, men her står {value}.",
        "en": "{indicator} is a count ({unit}), so {column} cannot be negative, but the cell holds {value}.",
    },
    "workbook.value.too_large": {
        "da": "{column} er {value}, men intet indikatortal er større end {limit} (eller mindre end −{limit}). Tjek om tallet er tastet eller kopieret forkert, fx med E+ (1E+308) eller ekstra cifre.",
        "en": "{column} is {value}, but no indicator figure is larger than {limit} (or smaller than −{limit}). Check whether the number was typed or copied wrongly, e.g. with E+ (1E+308) or extra digits.",
    },
    "workbook.count.numerator_above_denominator": {
        "da": "{indicator} er en procentandel, så Tæller ({numerator}) kan ikke være større end Nævner ({denominator}). Tjek om de to kolonner er byttet om.",
        "en": "{indicator} is a percentage, so the numerator ({numerator}) cannot be larger than the denominator ({denominator}). Check whether the two columns are swapped.",
    },
    "workbook.duplicate": {
        "da": "Rækken gentager {other} (samme {what}). Slet den ene af de to rækker.",
        "en": "The row repeats {other} (same {what}). Delete one of the two rows.",
    },
    "workbook.duplicate.indicators": {
        "da": "indikator, område, periode og gruppe",
        "en": "indicator, area, period and group",
    },
    "workbook.duplicate.initiatives": {
        "da": "mål, område og indsats",
        "en": "goal, area and initiative",
    },
    "workbook.duplicate.assessments": {
        "da": "mål, område og periode",
        "en": "goal, area and period",
    },
    "workbook.initiative.status_unknown": {
        "da": "Status '{value}' kendes ikke. Vælg en af: Ikke startet, I gang, Forsinket, Gennemført, Stoppet.",
        "en": "The status '{value}' is not known. Choose one of: Not started, In progress, Delayed, Completed, Stopped.",
    },
    "workbook.light.unknown": {
        "da": "Trafiklyset '{value}' kendes ikke. Vælg Grøn, Gul eller Rød.",
        "en": "The traffic light '{value}' is not known. Choose Green, Yellow or Red.",
    },
    "workbook.plan.end_before_start": {
        "da": "Slutdatoen {end} ligger før startdatoen {start} i {start_cell}. Ret den af dem, der er forkert.",
        "en": "The end date {end} is before the start date {start} in {start_cell}. Correct the one that is wrong.",
    },
    "workbook.amount.not_number": {
        "da": "{column} skal være et beløb i kroner, men her står '{value}'. Skriv et tal, fx 250000 eller 250.000 – eller lad cellen stå tom.",
        "en": "{column} must be an amount in kroner, but the cell holds '{value}'. Write a number, e.g. 250000 or 250,000 – or leave the cell blank.",
    },
    "workbook.amount.date": {
        "da": "{column} skal være et beløb i kroner, men cellen er en dato ({value}). Formatér cellen som tal, og skriv beløbet igen.",
        "en": "{column} must be an amount in kroner, but the cell is a date ({value}). Format the cell as a number and type the amount again.",
    },
    "workbook.amount.millions": {
        "da": "{column} skal skrives i hele kroner, ikke i millioner eller tusinder: '{value}'. Skriv fx 500000 for 0,5 mio. kr.",
        "en": "{column} must be written in kroner, not in millions or thousands: '{value}'. Write e.g. 500000 for DKK 0.5 million.",
    },
    "workbook.amount.negative": {
        "da": "{column} kan ikke være negativt, men her står '{value}'. Skriv budget og forbrug som positive beløb i kroner.",
        "en": "{column} cannot be negative, but the cell holds '{value}'. Write budget and spending as positive amounts in kroner.",
    },
    "workbook.amount.too_large": {
        "da": "{column} er '{value}', men ingen indsats har et beløb over {limit} kr. Tjek om der er tastet ekstra cifre.",
        "en": "{column} is '{value}', but no initiative has an amount above DKK {limit}. Check for extra digits.",
    },
    "workbook.change.plan": {"da": "{start} – {end}", "en": "{start} – {end}"},
    "workbook.change.budget": {"da": "budget {value}", "en": "budget {value}"},
    "workbook.change.spent": {"da": "forbrug {value}", "en": "spent {value}"},
    "workbook.date.bad": {
        "da": "Datoen '{value}' kan ikke læses. Skriv fx 31-03-2023, eller brug en datocelle.",
        "en": "The date '{value}' cannot be read. Write e.g. 2023-03-31, or use a date cell.",
    },
    "workbook.text.too_long": {
        "da": "Teksten er for lang ({length} tegn); der er plads til {limit} tegn.",
        "en": "The text is too long ({length} characters); there is room for {limit}.",
    },
    "workbook.permission.denied": {
        "da": "{user} må ikke indberette for {what}.",
        "en": "{user} may not report for {what}.",
    },
    # --- results ---
    "workbook.result.applied": {
        "da": "Indlæst som nr. {upload_id}: {new} nye, {changed} ændrede og {unchanged} uændrede rækker.",
        "en": "Loaded as no. {upload_id}: {new} new, {changed} changed and {unchanged} unchanged rows.",
    },
    "workbook.result.preview": {
        "da": "Forhåndsvisning – intet er gemt endnu: {new} nye, {changed} ændrede og {unchanged} uændrede rækker.",
        "en": "Preview – nothing saved yet: {new} new, {changed} changed and {unchanged} unchanged rows.",
    },
    "workbook.result.rejected": {
        "da": "Filen er ikke indlæst, fordi den har {n} fejl. Ret dem, og indlæs filen igen. Intet er ændret.",
        "en": "The file was not loaded because it has {n} errors. Correct them and upload the file again. Nothing was changed.",
    },
    "workbook.result.nothing_new": {
        "da": "Filen har ingen rækker med værdier. Der er ikke gemt noget.",
        "en": "The file has no rows with values. Nothing was saved.",
    },
    "workbook.result.nothing_new_preview": {
        "da": "Intet nyt: alle {unchanged} rækker i filen findes allerede med de samme værdier. Bekræfter du, registreres indsendelsen som en bekræftelse af værdierne; ingen værdier ændres.",
        "en": "Nothing new: all {unchanged} rows in the file are already stored with the same values. If you confirm, the upload is recorded as a confirmation of the values; no value changes.",
    },
    "workbook.result.nothing_new_recorded": {
        "da": "Intet nyt: alle {unchanged} rækker i filen fandtes allerede med de samme værdier. Indsendelsen er registreret som nr. {upload_id}; ingen værdier er ændret.",
        "en": "Nothing new: all {unchanged} rows in the file were already stored with the same values. The upload is recorded as no. {upload_id}; no value was changed.",
    },
    "workbook.result.same_file": {
        "da": "Filen er den samme som indlæsning nr. {upload_id} ({filename}, {user}, {when}).",
        "en": "The file is the same as upload no. {upload_id} ({filename}, {user}, {when}).",
    },
    "workbook.change.new": {"da": "ny", "en": "new"},
    "workbook.change.changed": {"da": "ændret", "en": "changed"},
    "workbook.change.numerator": {"da": "tæller {value}", "en": "numerator {value}"},
    "workbook.change.denominator": {"da": "nævner {value}", "en": "denominator {value}"},
    "workbook.change.limits": {"da": "grænser {lower}–{upper}", "en": "limits {lower}–{upper}"},
    "workbook.change.comment": {"da": "kommentar '{value}'", "en": "comment '{value}'"},
    "workbook.change.missing": {"da": "udeladt ({reason})", "en": "left out ({reason})"},
    "workbook.change.milestone": {
        "da": "næste milepæl '{value}'",
        "en": "next milestone '{value}'",
    },
    "workbook.change.responsible": {"da": "ansvarlig {value}", "en": "responsible {value}"},
    "workbook.change.removed": {"da": "(tom – fjernes)", "en": "(blank – removed)"},
    "workbook.field.value": {"da": "Værdi", "en": "Value"},
    "workbook.field.missing_reason": {"da": "Udeladt", "en": "Left out"},
    "workbook.field.numerator": {"da": "Tæller", "en": "Numerator"},
    "workbook.field.denominator": {"da": "Nævner", "en": "Denominator"},
    "workbook.field.lower": {"da": "Nedre grænse", "en": "Lower limit"},
    "workbook.field.upper": {"da": "Øvre grænse", "en": "Upper limit"},
    "workbook.field.note": {"da": "Kommentar", "en": "Comment"},
    "workbook.field.status": {"da": "Status", "en": "Status"},
    "workbook.field.next_milestone": {"da": "Næste milepæl", "en": "Next milestone"},
    "workbook.field.milestone_date": {"da": "Milepælsdato", "en": "Milestone date"},
    "workbook.field.responsible": {"da": "Ansvarlig", "en": "Responsible"},
    "workbook.field.start_on": {"da": "Start", "en": "Start"},
    "workbook.field.end_on": {"da": "Slut", "en": "End"},
    "workbook.field.budget": {"da": "Budget", "en": "Budget"},
    "workbook.field.spent": {"da": "Forbrug", "en": "Spent"},
    "workbook.field.light": {"da": "Vurdering", "en": "Assessment"},
    "workbook.field.text": {"da": "Begrundelse", "en": "Reasoning"},
    "workbook.result.removes": {
        "da": "Bemærk: {n} rækker har tomme felter, hvor der i dag er gemt en værdi ({fields}; første gang i {cell}). Bekræfter du, fjernes de gemte værdier i disse felter. Er det ikke meningen, så udfyld felterne i filen, og indlæs den igen.",
        "en": "Note: {n} rows have blank fields where a value is stored today ({fields}; first in {cell}). If you confirm, the stored values in these fields are removed. If that is not what you want, fill in the fields in the file and upload it again.",
    },
    # --- history and rollback ---
    "workbook.state.applied": {"da": "Indlæst", "en": "Applied"},
    "workbook.state.rolled_back": {"da": "Rullet tilbage", "en": "Rolled back"},
    "workbook.rollback.done": {
        "da": "Indlæsning nr. {upload_id} ({filename}) er rullet tilbage: de {n} værdier, den indførte, er fjernet, og de værdier, den erstattede, gælder igen.",
        "en": "Upload no. {upload_id} ({filename}) has been rolled back: the {n} values it brought are withdrawn and the values it replaced apply again.",
    },
    "workbook.rollback.preview": {
        "da": "Indlæsning nr. {upload_id} ({filename}) kan rulles tilbage: {n} værdier trækkes tilbage, og de værdier, den erstattede, gælder igen.",
        "en": "Upload no. {upload_id} ({filename}) can be rolled back: {n} values are withdrawn and the values it replaced apply again.",
    },
    "workbook.rollback.unknown": {
        "da": "Der findes ingen indlæsning nr. {upload_id}.",
        "en": "There is no upload no. {upload_id}.",
    },
    "workbook.rollback.already": {
        "da": "Indlæsning nr. {upload_id} er allerede rullet tilbage ({when}, {user}).",
        "en": "Upload no. {upload_id} was already rolled back ({when}, {user}).",
    },
    "workbook.rollback.blocked": {
        "da": "Indlæsning nr. {upload_id} kan ikke rulles tilbage, fordi {later} senere har ændret {n} af de samme værdier.",
        "en": "Upload no. {upload_id} cannot be rolled back because {later} later changed {n} of the same values.",
    },
    "workbook.rollback.blocked_carried": {
        "da": "Indlæsning nr. {upload_id} kan ikke rulles tilbage, fordi {later} senere sendte {n} af dens værdier igen, og afsenderen fik at vide, at de er gemt.",
        "en": "Upload no. {upload_id} cannot be rolled back because {later} later sent {n} of its values again, and the sender was told they are stored.",
    },
    "workbook.rollback.first": {
        "da": "Rul nr. {first} tilbage først, hvis det er meningen.",
        "en": "Roll back no. {first} first if that is what you want.",
    },
    "workbook.rollback.done_none": {
        "da": "Indlæsning nr. {upload_id} ({filename}) er rullet tilbage. Den ændrede ingen værdier.",
        "en": "Upload no. {upload_id} ({filename}) has been rolled back. It changed no values.",
    },
    "workbook.rollback.preview_none": {
        "da": "Indlæsning nr. {upload_id} ({filename}) kan rulles tilbage. Den ændrede ingen værdier, så ingen værdier ændres.",
        "en": "Upload no. {upload_id} ({filename}) can be rolled back. It changed no values, so no value changes.",
    },
    "workbook.rollback.carried_stay": {
        "da": "De {n} værdier, den sendte igen uændret, er stadig gemt fra de indlæsninger, der bragte dem.",
        "en": "The {n} values it sent again unchanged stay stored from the uploads that brought them.",
    },
    "workbook.rollback.upload_ref": {
        "da": "nr. {upload_id} ({filename}, {user}, {when})",
        "en": "no. {upload_id} ({filename}, {user}, {when})",
    },
    "workbook.rollback.and": {"da": " og ", "en": " and "},
    # --- template ---
    "workbook.template.title": {
        "da": "Statusark – {group}",
        "en": "Status workbook – {group}",
    },
    "workbook.template.all_groups": {"da": "alle styregrupper", "en": "all steering groups"},
    "workbook.template.guide": {
        "da": (
            "Sådan udfylder du statusarket\n"
            "\n"
            "1. Arket Indikatorer har én række for hver indikator, område og gruppe. Skriv tallet i kolonnen Værdi.\n"
            "2. Skriv tal, som du plejer: 12,5 eller 12.5. Procenter skrives som 12,5 (ikke 0,125), medmindre cellen er formateret som procent.\n"
            "3. Er et tal udeladt med vilje (fx diskretioneret), så skriv '-' i Værdi og gerne årsagen i Kommentar.\n"
            "4. En tom Værdi betyder 'ikke indberettet'. Rækken springes over – den bliver aldrig til 0.\n"
            "5. Perioden skrives som 2024 (år), 2024H1 (halvår), 2024K2 (kvartal) eller 2024-06 (måned). Vi har foreslået den næste periode.\n"
            "6. Gruppe tom betyder 'I alt'. Vælg indikator, område og gruppe fra listerne i cellerne, så stavningen er rigtig.\n"
            "7. Tæller og Nævner er hele tal. Nedre og Øvre er 95 %-konfidensgrænser og kan stå tomme.\n"
            "8. Du må gerne tilføje rækker (fx flere perioder) og slette rækker, I ikke indberetter.\n"
            "9. Arket Indsatser: én række pr. indsats med mål, område og status (Ikke startet, I gang, Forsinket, Gennemført, Stoppet). "
            "Start og Slut er datoer (fx 01-02-2026); Budget og Forbrug er beløb i hele kroner (fx 250000). Kolonnerne må stå tomme.\n"
            "10. Arket Vurdering: styregruppens egen vurdering pr. mål og område med trafiklys (Grøn, Gul, Rød) og en kort status.\n"
            "\n"
            "Når du indlæser filen, ser du først en forhåndsvisning: hvad er nyt, hvad er ændret, og eventuelle fejl med cellens adresse. "
            "Intet gemmes, før du bekræfter, og en indlæsning kan altid rulles tilbage."
        ),
        "en": (
            "How to fill in the status workbook\n"
            "\n"
            "1. The Indicators sheet has one row per indicator, area and group. Write the figure in the Value column.\n"
            "2. Write numbers as usual: 12.5 or 12,5. Percentages are written as 12.5 (not 0.125) unless the cell is formatted as a percentage.\n"
            "3. If a figure is left out on purpose (e.g. suppressed), write '-' in Value and preferably the reason in Comment.\n"
            "4. A blank Value means 'not reported'. The row is skipped – it never becomes 0.\n"
            "5. Write the period as 2024 (year), 2024H1 (half-year), 2024K2 (quarter) or 2024-06 (month). The next period is suggested.\n"
            "6. A blank Group means the total. Pick indicator, area and group from the lists in the cells so the spelling is right.\n"
            "7. Numerator and Denominator are whole numbers. Lower and Upper are 95 % confidence limits and may be blank.\n"
            "8. You may add rows (e.g. more periods) and delete rows you do not report.\n"
            "9. The Initiatives sheet: one row per initiative with goal, area and status (Not started, In progress, Delayed, Completed, Stopped). "
            "Start and End are dates (e.g. 2026-02-01); Budget and Spent are amounts in kroner (e.g. 250000). These columns may be left blank.\n"
            "10. The Assessment sheet: the steering group's own assessment per goal and area with a traffic light (Green, Yellow, Red) and a short status.\n"
            "\n"
            "When you upload the file you first see a preview: what is new, what changed, and any errors with the cell's address. "
            "Nothing is saved until you confirm, and an upload can always be rolled back."
        ),
    },
    "workbook.template.date_prompt": {
        "da": "Skriv en dato, fx 01-02-2026",
        "en": "Write a date, e.g. 2026-02-01",
    },
    "workbook.template.amount_prompt": {
        "da": "Skriv et beløb i hele kroner, fx 250000",
        "en": "Write an amount in kroner, e.g. 250000",
    },
    "workbook.template.pick": {
        "da": "Vælg fra listen",
        "en": "Pick from the list",
    },
    "workbook.template.unknown_group": {
        "da": "Styregruppen '{code}' findes ikke.{suggestion}",
        "en": "The steering group '{code}' does not exist.{suggestion}",
    },
    # --- command line ---
    "workbook.cli.no_file": {
        "da": "Filen {path} findes ikke eller kan ikke læses.",
        "en": "The file {path} does not exist or cannot be read.",
    },
    "workbook.cli.suppressed": {
        "da": "{n} tal er udeladt, fordi de bygger på for få personer (diskretionering); --all-values tager dem med.",
        "en": "{n} values are left out because they rest on too few people (small-number suppression); --all-values includes them.",
    },
    "workbook.cli.written": {"da": "Skrevet: {path}", "en": "Written: {path}"},
    "workbook.cli.no_uploads": {"da": "Ingen indlæsninger endnu.", "en": "No uploads yet."},
    "workbook.cli.sheet_line": {
        "da": "{sheet}: {new} nye, {changed} ændrede, {unchanged} uændrede, {rejected} afviste",
        "en": "{sheet}: {new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected",
    },
    "workbook.cli.ignored_line": {"da": "{sheet}: springes over", "en": "{sheet}: skipped"},
}

TEXTS.update(
    {
        "workbook.permission.unknown_user": {
            "da": "Brugeren '{user}' findes ikke i Målbillede. Kun oprettede brugere kan indlæse "
            "statusark – kontakt sekretariatet.",
            "en": "The user '{user}' does not exist in Målbillede. Only registered users can "
            "upload status workbooks – contact the secretariat.",
        },
        "workbook.permission.viewer": {
            "da": "{user} har kun læseadgang og må ikke indlæse statusark.",
            "en": "{user} has read-only access and may not upload status workbooks.",
        },
        "workbook.permission.rollback_foreign": {
            "da": "{user} indlæste nr. {upload_id}, men hører ikke længere til den styregruppe, "
            "der ejer {what}. Kun sekretariatet (administratorer) kan rulle den tilbage nu.",
            "en": "{user} made upload no. {upload_id} but no longer belongs to the steering group "
            "that owns {what}. Only the secretariat (admins) can roll it back now.",
        },
        "workbook.permission.rollback": {
            "da": "{user} må ikke rulle denne indlæsning tilbage: det må kun den bruger, der "
            "indlæste den, og sekretariatet (administratorer).",
            "en": "{user} may not roll back this upload: only the person who made it and the "
            "secretariat (admins) may.",
        },
        "workbook.permission.indicator": {
            "da": "Indikatoren {indicator} hører til {owner}. {user} må kun indlæse tal for "
            "{mine}. Fjern rækkerne {rows}, eller bed sekretariatet om adgang.",
            "en": "The indicator {indicator} belongs to {owner}. {user} may only upload figures "
            "for {mine}. Remove rows {rows}, or ask the secretariat for access.",
        },
        "workbook.permission.goal": {
            "da": "Målet '{goal}' hører til {owner}. {user} må kun indberette for {mine}. "
            "Fjern rækkerne {rows}, eller bed sekretariatet om adgang.",
            "en": "The goal '{goal}' belongs to {owner}. {user} may only report for {mine}. "
            "Remove rows {rows}, or ask the secretariat for access.",
        },
        "workbook.permission.no_owner": {
            "da": "ingen styregruppe endnu",
            "en": "no steering group yet",
        },
    }
)
