"""Texts of the administration page, the catalogue edits and the catalogue workbook."""

TEXTS: dict[str, dict[str, str]] = {
    # --- columns of the catalogue workbook (and field names in messages and forms) ---
    "admin.col.code": {"da": "Kode", "en": "Code"},
    "admin.col.title": {"da": "Titel", "en": "Title"},
    "admin.col.title_en": {"da": "Titel (engelsk)", "en": "Title (English)"},
    "admin.col.description": {"da": "Beskrivelse", "en": "Description"},
    "admin.col.description_en": {"da": "Beskrivelse (engelsk)", "en": "Description (English)"},
    "admin.col.track": {"da": "Spor", "en": "Track"},
    "admin.col.steering_group": {"da": "Styregruppe", "en": "Steering group"},
    "admin.col.national_goal": {"da": "Nationalt mål", "en": "National goal"},
    "admin.col.goal": {"da": "Mål", "en": "Goal"},
    "admin.col.revision": {"da": "Revision", "en": "Revision"},
    "admin.col.valid_from": {"da": "Gyldig fra", "en": "Valid from"},
    "admin.col.text": {"da": "Tekst", "en": "Text"},
    "admin.col.text_en": {"da": "Tekst (engelsk)", "en": "Text (English)"},
    "admin.col.indicator": {"da": "Indikator", "en": "Indicator"},
    "admin.col.group": {"da": "Gruppe", "en": "Group"},
    "admin.col.gap_a": {"da": "Forskel: gruppe A", "en": "Gap: group A"},
    "admin.col.gap_b": {"da": "Forskel: gruppe B", "en": "Gap: group B"},
    "admin.col.baseline": {"da": "Basisperiode", "en": "Baseline period"},
    "admin.col.target_type": {"da": "Måltype", "en": "Target type"},
    "admin.col.target_value": {"da": "Målværdi", "en": "Target value"},
    "admin.col.target_period": {"da": "Målperiode", "en": "Target period"},
    "admin.col.areas": {"da": "Områder", "en": "Areas"},
    "admin.col.note": {"da": "Note", "en": "Note"},
    "admin.col.note_en": {"da": "Note (engelsk)", "en": "Note (English)"},
    "admin.col.name": {"da": "Navn", "en": "Name"},
    "admin.col.name_en": {"da": "Navn (engelsk)", "en": "Name (English)"},
    "admin.col.unit": {"da": "Enhed", "en": "Unit"},
    "admin.col.unit_en": {"da": "Enhed (engelsk)", "en": "Unit (English)"},
    "admin.col.polarity": {"da": "Polaritet", "en": "Polarity"},
    "admin.col.decimals": {"da": "Decimaler", "en": "Decimals"},
    "admin.col.frequency": {"da": "Frekvens", "en": "Frequency"},
    "admin.col.source": {"da": "Kilde", "en": "Source"},
    "admin.col.source_en": {"da": "Kilde (engelsk)", "en": "Source (English)"},
    "admin.col.definition": {"da": "Definition", "en": "Definition"},
    "admin.col.definition_en": {"da": "Definition (engelsk)", "en": "Definition (English)"},
    "admin.col.natural_limit": {"da": "Naturlig grænse", "en": "Natural limit"},
    "admin.col.kind": {"da": "Type", "en": "Type"},
    "admin.col.official_code": {"da": "Officiel kode", "en": "Official code"},
    "admin.col.parent": {"da": "Overordnet område", "en": "Parent area"},
    "admin.col.aliases": {"da": "Aliaser", "en": "Aliases"},
    "admin.col.alias": {"da": "Alias", "en": "Alias"},
    "admin.col.since": {"da": "Gældende fra", "en": "Effective from"},
    # --- sheets ---
    "admin.sheet.goals": {"da": "Mål", "en": "Goals"},
    "admin.sheet.criteria": {"da": "Succeskriterier", "en": "Success criteria"},
    "admin.sheet.indicators": {"da": "Indikatorer", "en": "Indicators"},
    "admin.sheet.areas": {"da": "Områder", "en": "Areas"},
    "admin.sheet.steering_groups": {"da": "Styregrupper", "en": "Steering groups"},
    "admin.sheet.lists": {"da": "Lister", "en": "Lists"},
    # --- choices ---
    "admin.polarity.higher": {"da": "højere er bedre", "en": "higher is better"},
    "admin.polarity.lower": {"da": "lavere er bedre", "en": "lower is better"},
    "admin.polarity.none": {"da": "ingen vurdering", "en": "no judgement"},
    "admin.frequency.year": {"da": "år", "en": "year"},
    "admin.frequency.half_year": {"da": "halvår", "en": "half-year"},
    "admin.frequency.quarter": {"da": "kvartal", "en": "quarter"},
    "admin.frequency.month": {"da": "måned", "en": "month"},
    "admin.target.absolute": {"da": "absolut", "en": "absolute"},
    "admin.target.relative": {"da": "relativ (%)", "en": "relative (%)"},
    "admin.target.points": {"da": "point", "en": "points"},
    "admin.kind.region": {"da": "region", "en": "region"},
    "admin.kind.cluster": {"da": "klynge", "en": "cluster"},
    "admin.kind.municipality": {"da": "kommune", "en": "municipality"},
    "admin.kind.hospital": {"da": "hospital", "en": "hospital"},
    "admin.kind.general_practice": {"da": "almen praksis", "en": "general practice"},
    "admin.areas.clusters": {"da": "klynger", "en": "clusters"},
    "admin.areas.municipalities": {"da": "kommuner", "en": "municipalities"},
    "admin.areas.region": {"da": "regionen", "en": "the region"},
    "admin.what.goal": {"da": "mål", "en": "goal"},
    "admin.what.criterion": {"da": "succeskriterium", "en": "success criterion"},
    "admin.what.indicator": {"da": "indikator", "en": "indicator"},
    "admin.what.area": {"da": "område", "en": "area"},
    "admin.what.group": {"da": "gruppe", "en": "group"},
    "admin.what.track": {"da": "spor", "en": "track"},
    "admin.what.steering_group": {"da": "styregruppe", "en": "steering group"},
    "admin.role.unknown": {"da": "ukendt bruger", "en": "an unknown user"},
    # --- errors of single edits (each one sentence) ---
    "admin.err.required": {
        "da": "{field} skal udfyldes.",
        "en": "{field} must be filled in.",
    },
    "admin.err.too_long": {
        "da": "{field} må højst have {limit} tegn, men har {length}.",
        "en": "{field} may have at most {limit} characters, but has {length}.",
    },
    "admin.err.code_exists": {
        "da": "Koden '{code}' er allerede i brug; vælg en anden kode.",
        "en": "The code '{code}' is already in use; choose another code.",
    },
    "admin.err.unknown": {
        "da": "Der findes ingen {what} med koden '{code}'.",
        "en": "There is no {what} with the code '{code}'.",
    },
    "admin.err.national_goal": {
        "da": "'{value}' er ikke et af de nationale mål; skriv et tal blandt {known}, eller lad "
        "feltet stå tomt.",
        "en": "'{value}' is not one of the national goals; write one of {known}, or leave it "
        "empty.",
    },
    "admin.err.polarity": {
        "da": "Polaritet skal være højere er bedre, lavere er bedre eller ingen vurdering – "
        "ikke '{value}'.",
        "en": "Polarity must be higher is better, lower is better or no judgement – not '{value}'.",
    },
    "admin.err.frequency": {
        "da": "Frekvens skal være år, halvår, kvartal eller måned – ikke '{value}'.",
        "en": "Frequency must be year, half-year, quarter or month – not '{value}'.",
    },
    "admin.err.frequency_has_values": {
        "da": "Frekvensen kan ikke ændres, fordi indikatoren allerede har {n} indberettede "
        "værdier, hvis perioder så ikke længere ville passe.",
        "en": "The frequency cannot change because the indicator already has {n} reported "
        "values whose periods would no longer fit.",
    },
    "admin.err.decimals": {
        "da": "Decimaler skal være et helt tal fra 0 til {most} – ikke '{value}'.",
        "en": "Decimals must be a whole number from 0 to {most} – not '{value}'.",
    },
    "admin.err.number": {
        "da": "{field} skal være et tal – ikke '{value}'.",
        "en": "{field} must be a number – not '{value}'.",
    },
    "admin.err.already_member": {
        "da": "{area} hører allerede til {parent} (fra {date}); vælg en anden klynge eller en senere dato.",
        "en": "{area} already belongs to {parent} (from {date}); choose another cluster or a later date.",
    },
    "admin.err.not_member": {
        "da": "{area} hører ikke til {parent} i dag, så der er intet medlemskab at afslutte.",
        "en": "{area} does not belong to {parent} today, so there is no membership to end.",
    },
    "admin.err.suppression": {
        "da": "'{value}' kan ikke bruges som grænse; skriv et helt tal fra 0 til 1000 (0 viser alle tal).",
        "en": "'{value}' cannot be used as the limit; write a whole number from 0 to 1000 (0 shows every value).",
    },
    "admin.memberships": {"da": "Medlemskaber over tid", "en": "Memberships over time"},
    "admin.col.until": {"da": "Til (ikke med)", "en": "Until (not included)"},
    "admin.membership.join": {"da": "Hører også til", "en": "Belongs here too"},
    "admin.membership.join.help": {
        "da": "Fx en kommune, der deles mellem to klynger. De andre medlemskaber fortsætter.",
        "en": "E.g. a municipality split between two clusters. Its other memberships go on.",
    },
    "admin.membership.leave": {"da": "Afslut medlemskab", "en": "End membership"},
    "admin.membership.leave.help": {
        "da": "Fra denne dato hører området ikke længere til. Tidligere perioder vises som de var.",
        "en": "From this date the area no longer belongs. Earlier periods are shown as they were.",
    },
    "admin.suppression": {"da": "Diskretionering", "en": "Small-number suppression"},
    "admin.suppression.help": {
        "da": "Tal, der bygger på færre end dette antal personer, vises ingen steder (sider, dias, downloads, eksport) og indgår ikke i vurderingerne. 0 viser alle tal. De gemte tal ændres ikke.",
        "en": "Figures that rest on fewer people than this are shown nowhere (pages, slides, downloads, export) and are left out of the assessments. 0 shows every figure. The stored figures are not changed.",
    },
    "admin.col.min_count": {"da": "Grænse (antal)", "en": "Limit (count)"},
    "admin.detail.upload_id": {"da": "Indlæsning nr.", "en": "Upload no."},
    "admin.detail.sha256": {"da": "Filens kontrolsum", "en": "File checksum"},
    "admin.detail.filename": {"da": "Fil", "en": "File"},
    "admin.detail.counts": {"da": "Rækker", "en": "Rows"},
    "admin.detail.new": {"da": "Nye", "en": "New"},
    "admin.detail.changed": {"da": "Ændrede", "en": "Changed"},
    "admin.detail.unchanged": {"da": "Uændrede", "en": "Unchanged"},
    "admin.detail.rejected": {"da": "Afviste", "en": "Rejected"},
    "admin.detail.rows": {"da": "Rækker", "en": "Rows"},
    "admin.detail.withdrawn_rows": {"da": "Trukne rækker", "en": "Rows withdrawn"},
    "admin.detail.carried_rows": {"da": "Overførte rækker", "en": "Rows carried"},
    "admin.detail.client": {"da": "Klient", "en": "Client"},
    "admin.detail.steering_groups": {"da": "Styregrupper", "en": "Steering groups"},
    "admin.detail.indicators": {"da": "Indikatorer", "en": "Indicators"},
    "admin.detail.revision": {"da": "Version", "en": "Revision"},
    "admin.detail.until": {"da": "Til", "en": "Until"},
    "admin.detail.member_of": {"da": "Medlem af", "en": "Member of"},
    "admin.detail.characters": {"da": "Tegn", "en": "Characters"},
    "admin.detail.role": {"da": "Rolle", "en": "Role"},
    "admin.err.date": {
        "da": "'{value}' er ikke en dato; skriv fx 2026-01-01.",
        "en": "'{value}' is not a date; write e.g. 2026-01-01.",
    },
    "admin.err.period": {
        "da": "{field} '{value}' er ikke en periode; skriv fx 2025, 2025K4, 2025H1 eller 2025-03.",
        "en": "{field} '{value}' is not a period; write e.g. 2025, 2025K4, 2025H1 or 2025-03.",
    },
    "admin.err.period_frequency": {
        "da": "{field} '{value}' passer ikke til indikatorens frekvens ({frequency}).",
        "en": "{field} '{value}' does not fit the indicator's frequency ({frequency}).",
    },
    "admin.err.target_type": {
        "da": "Måltype skal være absolut, relativ (%) eller point – ikke '{value}'.",
        "en": "Target type must be absolute, relative (%) or points – not '{value}'.",
    },
    "admin.err.target_without_type": {
        "da": "Målværdi og målperiode kræver en måltype (absolut, relativ (%) eller point).",
        "en": "A target value and target period need a target type (absolute, relative (%) or "
        "points).",
    },
    "admin.err.target_before_baseline": {
        "da": "Målperioden {target} skal ligge efter basisperioden {baseline}.",
        "en": "The target period {target} must come after the baseline period {baseline}.",
    },
    "admin.err.gap": {
        "da": "En forskel kræver to forskellige grupper (A og B), og så skal Gruppe stå tom.",
        "en": "A gap needs two different groups (A and B), and then Group must be empty.",
    },
    "admin.err.areas": {
        "da": "Områder skal være klynger, kommuner, regionen eller områdekoder adskilt af "
        "komma; '{value}' kendes ikke.",
        "en": "Areas must be clusters, municipalities, the region or area codes separated by "
        "commas; '{value}' is unknown.",
    },
    "admin.err.valid_from_before": {
        "da": "En ny revision skal gælde fra {newest} eller senere, for den nyeste revision "
        "(nr. {revision}) gælder fra {newest}.",
        "en": "A new revision must be valid from {newest} or later, because the newest revision "
        "(no. {revision}) is valid from {newest}.",
    },
    "admin.err.criterion_goal": {
        "da": "Et succeskriterium kan ikke flyttes til et andet mål ({old} → {new}); opret i "
        "stedet et nyt kriterium under {new}.",
        "en": "A success criterion cannot move to another goal ({old} → {new}); add a new "
        "criterion under {new} instead.",
    },
    "admin.err.alias_elsewhere": {
        "da": "'{alias}' peger allerede på {other}; fjern det dér først, hvis det skal flyttes.",
        "en": "'{alias}' already points to {other}; remove it there first if it should move.",
    },
    "admin.err.alias_missing": {
        "da": "'{alias}' er ikke et alias for {owner}.",
        "en": "'{alias}' is not an alias of {owner}.",
    },
    "admin.err.alias_empty": {
        "da": "'{alias}' kan ikke bruges som alias, for det har ingen bogstaver eller tal.",
        "en": "'{alias}' cannot be an alias because it has no letters or digits.",
    },
    "admin.err.name_taken": {
        "da": "Navnet '{name}' bruges allerede af {other}.",
        "en": "The name '{name}' is already used by {other}.",
    },
    "admin.err.kind": {
        "da": "Type skal være region, klynge, kommune, hospital eller almen praksis – ikke "
        "'{value}'.",
        "en": "Type must be region, cluster, municipality, hospital or general practice – not "
        "'{value}'.",
    },
    "admin.err.kind_change": {
        "da": "Et områdes type kan ikke ændres ({old} → {new}); opret i stedet et nyt område.",
        "en": "An area's type cannot change ({old} → {new}); add a new area instead.",
    },
    "admin.err.parent_kind": {
        "da": "En {kind} skal ligge under en {parent_kind}, men {parent} er en {actual}.",
        "en": "A {kind} must be under a {parent_kind}, but {parent} is a {actual}.",
    },
    "admin.err.parent_missing": {
        "da": "En {kind} skal have et overordnet område.",
        "en": "A {kind} needs a parent area.",
    },
    "admin.err.region_parent": {
        "da": "En region har intet overordnet område; lad feltet stå tomt.",
        "en": "A region has no parent area; leave the field empty.",
    },
    "admin.err.move_date": {
        "da": "Flytningen skal gælde efter {date}, hvor det nuværende tilhørsforhold begyndte.",
        "en": "The move must take effect after {date}, when the current membership began.",
    },
    "admin.err.conflict": {
        "da": "Rækken strider mod en anden post i kataloget: {detail}",
        "en": "The row conflicts with another catalogue entry: {detail}",
    },
    # --- the catalogue workbook import ---
    "admin.import.not_admin": {
        "da": "Kun administratorer (sekretariatet) må indlæse kataloget; {user} er {role}.",
        "en": "Only admins (the secretariat) may import the catalogue; {user} is {role}.",
    },
    "admin.import.no_sheets": {
        "da": "Filen har ingen katalogark (forventet: {sheets}; fundet: {found}). Hent "
        "katalogregnearket fra administrationssiden, og ret i det.",
        "en": "The file has no catalogue sheets (expected: {sheets}; found: {found}). Download "
        "the catalogue workbook from the administration page and edit that.",
    },
    "admin.import.no_header": {
        "da": "Arket {sheet} har ingen overskriftsrække med kolonnen {column}. Er det et "
        "statusark? Det indlæses på siden Indlæs statusark.",
        "en": "The sheet {sheet} has no header row with the column {column}. Is it a status "
        "workbook? Those are uploaded on the page Upload status workbook.",
    },
    "admin.import.missing_column": {
        "da": "Arket {sheet} mangler kolonnen {column}.",
        "en": "The sheet {sheet} lacks the column {column}.",
    },
    "admin.import.duplicate": {
        "da": "Koden '{code}' står allerede i {other}; hver kode må kun stå én gang pr. ark.",
        "en": "The code '{code}' is already in {other}; each code may appear once per sheet.",
    },
    "admin.import.rejected": {
        "da": "Kataloget blev ikke indlæst: {n} fejl. Intet er ændret – ret fejlene, og indlæs "
        "filen igen.",
        "en": "The catalogue was not imported: {n} errors. Nothing was changed – fix the errors "
        "and upload the file again.",
    },
    "admin.import.preview": {
        "da": "Forhåndsvisning: {new} nye og {changed} ændrede rækker ({unchanged} uændrede). "
        "Intet er gemt endnu.",
        "en": "Preview: {new} new and {changed} changed rows ({unchanged} unchanged). Nothing "
        "has been saved yet.",
    },
    "admin.import.applied": {
        "da": "Kataloget er opdateret: {new} nye og {changed} ændrede rækker ({unchanged} "
        "uændrede).",
        "en": "The catalogue is updated: {new} new and {changed} changed rows ({unchanged} "
        "unchanged).",
    },
    "admin.import.nothing": {
        "da": "Intet at ændre: alle {unchanged} rækker er som i kataloget.",
        "en": "Nothing to change: all {unchanged} rows are as in the catalogue.",
    },
    "admin.change.new_revision": {
        "da": "ny revision {revision}, gyldig fra {valid_from}",
        "en": "new revision {revision}, valid from {valid_from}",
    },
    "admin.change.first_revision": {
        "da": "revision 1, gyldig fra {valid_from}",
        "en": "revision 1, valid from {valid_from}",
    },
}

TEXTS.update(
    {
        # --- the page ---
        "admin.title": {"da": "Administration", "en": "Administration"},
        "admin.intro": {
            "da": "Sekretariatets værktøjer: katalog, brugere, katalogregneark og revisionsspor. "
            "Alle ændringer gemmes i revisionssporet med hvem, hvornår og hvad.",
            "en": "The secretariat's tools: catalogue, users, catalogue workbook and audit trail. "
            "Every change is kept in the audit trail with who, when and what.",
        },
        "admin.tab.goals": {"da": "Mål og succeskriterier", "en": "Goals and success criteria"},
        "admin.tab.indicators": {"da": "Indikatorer", "en": "Indicators"},
        "admin.tab.areas": {"da": "Områder og aliaser", "en": "Areas and aliases"},
        "admin.tab.steering_groups": {"da": "Styregrupper", "en": "Steering groups"},
        "admin.tab.users": {"da": "Brugere", "en": "Users"},
        "admin.tab.workbook": {"da": "Katalog-regneark", "en": "Catalogue workbook"},
        "admin.tab.audit": {"da": "Revisionsspor", "en": "Audit trail"},
        "admin.save": {"da": "Gem", "en": "Save"},
        "admin.add": {"da": "Tilføj", "en": "Add"},
        "admin.saved": {"da": "{what} er gemt.", "en": "{what} has been saved."},
        "admin.added": {"da": "{what} er tilføjet.", "en": "{what} has been added."},
        "admin.revised": {
            "da": "Der er lavet en ny revision af {what}; de tidligere versioner er bevaret.",
            "en": "A new revision of {what} has been made; the earlier versions are kept.",
        },
        "admin.unchanged": {
            "da": "Intet er ændret: værdierne er de samme som i kataloget.",
            "en": "Nothing changed: the values are the same as in the catalogue.",
        },
        "admin.pick.goal": {"da": "Vælg mål", "en": "Choose a goal"},
        "admin.pick.criterion": {"da": "Vælg succeskriterium", "en": "Choose a success criterion"},
        "admin.pick.indicator": {"da": "Vælg indikator", "en": "Choose an indicator"},
        "admin.pick.area": {"da": "Vælg område", "en": "Choose an area"},
        "admin.pick.group": {"da": "Vælg gruppe", "en": "Choose a group"},
        "admin.pick.steering_group": {"da": "Vælg styregruppe", "en": "Choose a steering group"},
        "admin.edit.goal": {"da": "Redigér mål", "en": "Edit goal"},
        "admin.edit.indicator": {"da": "Redigér indikator", "en": "Edit indicator"},
        "admin.edit.area": {"da": "Omdøb eller flyt område", "en": "Rename or move area"},
        "admin.add.goal": {"da": "Nyt mål", "en": "New goal"},
        "admin.add.criterion": {"da": "Nyt succeskriterium", "en": "New success criterion"},
        "admin.add.indicator": {"da": "Ny indikator", "en": "New indicator"},
        "admin.add.area": {"da": "Nyt område", "en": "New area"},
        "admin.add.steering_group": {"da": "Ny styregruppe", "en": "New steering group"},
        "admin.criteria": {"da": "Succeskriterier", "en": "Success criteria"},
        "admin.criteria_count": {"da": "Succeskriterier", "en": "Success criteria"},
        "admin.goals_count": {"da": "Mål", "en": "Goals"},
        "admin.no_criteria": {
            "da": "Målet har endnu ingen succeskriterier.",
            "en": "The goal has no success criteria yet.",
        },
        "admin.history": {
            "da": "Revisionshistorik (nyeste først). En ændring laver en ny revision; de gamle "
            "bevares og kan altid læses.",
            "en": "Revision history (newest first). A change makes a new revision; the old ones "
            "are kept and can always be read.",
        },
        "admin.revise": {
            "da": "Ny revision af succeskriteriet",
            "en": "New revision of the success criterion",
        },
        "admin.save_revision": {"da": "Gem som ny revision", "en": "Save as a new revision"},
        "admin.created_by": {"da": "Oprettet af", "en": "Created by"},
        "admin.created_at": {"da": "Oprettet", "en": "Created"},
        "admin.areas.help": {
            "da": "klynger, kommuner, regionen – eller områdekoder adskilt af komma.",
            "en": "clusters, municipalities, the region – or area codes separated by commas.",
        },
        "admin.owner.by_goals": {
            "da": "(styregrupperne for de mål, der bruger den)",
            "en": "(the steering groups of the goals using it)",
        },
        "admin.rename.help": {
            "da": "Et omdøbt område beholder sit gamle navn som alias, så gamle statusark stadig "
            "kan læses. En flytning gælder fra den valgte dato; historikken bevares.",
            "en": "A renamed area keeps its old name as an alias, so old status workbooks can "
            "still be read. A move takes effect from the chosen date; the history is kept.",
        },
        "admin.group_aliases": {"da": "Aliaser for grupper", "en": "Aliases of groups"},
        "admin.alias.new": {"da": "Nyt alias", "en": "New alias"},
        "admin.alias.add": {"da": "Tilføj alias", "en": "Add alias"},
        "admin.alias.existing": {"da": "Alias", "en": "Alias"},
        "admin.alias.remove": {"da": "Fjern alias", "en": "Remove alias"},
        "admin.alias.added": {
            "da": "'{alias}' er nu et alias for {what}.",
            "en": "'{alias}' is now an alias of {what}.",
        },
        "admin.alias.removed": {
            "da": "'{alias}' er ikke længere et alias for {what}.",
            "en": "'{alias}' is no longer an alias of {what}.",
        },
        # --- users ---
        "admin.role": {"da": "Rolle", "en": "Role"},
        "admin.email": {"da": "E-mail (single sign-on)", "en": "E-mail (single sign-on)"},
        "admin.last_login": {"da": "Seneste login", "en": "Last login"},
        "admin.users.none": {
            "da": "Der er ingen brugere: Målbillede kører i demotilstand, hvor alle må alt. Den "
            "første bruger skal være administrator.",
            "en": "There are no users: Målbillede runs in demo mode, where everyone may do "
            "everything. The first user must be an admin.",
        },
        "admin.users.add": {"da": "Ny bruger", "en": "New user"},
        "admin.users.groups_help": {
            "da": "En bidragyder må kun indberette for sine styregruppers mål og indikatorer.",
            "en": "A contributor may only report for the goals and indicators of their "
            "steering groups.",
        },
        "admin.users.added": {
            "da": "Brugeren {name} er oprettet.",
            "en": "The user {name} was added.",
        },
        "admin.users.reset": {"da": "Ny adgangskode", "en": "New password"},
        "admin.users.new_password": {"da": "Ny adgangskode", "en": "New password"},
        "admin.users.reset_go": {"da": "Sæt adgangskode", "en": "Set password"},
        "admin.users.reset_done": {
            "da": "{name} har fået en ny adgangskode.",
            "en": "{name} has a new password.",
        },
        "admin.users.remove": {"da": "Fjern bruger", "en": "Remove user"},
        "admin.users.remove_sure": {
            "da": "Ja, fjern brugeren",
            "en": "Yes, remove the user",
        },
        "admin.users.remove_go": {"da": "Fjern", "en": "Remove"},
        "admin.users.remove_confirm": {
            "da": "Sæt flueben for at bekræfte, at brugeren skal fjernes.",
            "en": "Tick the box to confirm that the user should be removed.",
        },
        "admin.users.removed": {
            "da": "Brugeren {name} er fjernet.",
            "en": "The user {name} was removed.",
        },
        # --- catalogue workbook ---
        "admin.workbook.intro": {
            "da": "Hent kataloget som regneark, ret eller tilføj rækker i Excel, og indlæs det "
            "igen. Du ser en forhåndsvisning med alle ændringer og fejl, før noget gemmes, og "
            "filen gemmes helt eller slet ikke. Rækker, der fjernes fra filen, slettes ikke.",
            "en": "Download the catalogue as a workbook, edit or add rows in Excel and upload it "
            "again. You see a preview with every change and error before anything is saved, and "
            "the file is saved completely or not at all. Rows removed from the file are not "
            "deleted.",
        },
        "admin.workbook.download": {
            "da": "Hent katalogregneark",
            "en": "Download catalogue workbook",
        },
        "admin.workbook.filename": {"da": "katalog.xlsx", "en": "catalogue.xlsx"},
        "admin.workbook.upload": {
            "da": "Indlæs katalogregneark",
            "en": "Upload catalogue workbook",
        },
        "admin.workbook.apply": {"da": "Gem ændringerne", "en": "Save the changes"},
        "admin.workbook.sheet": {"da": "Ark", "en": "Sheet"},
        "admin.workbook.errors": {"da": "Fejl", "en": "Errors"},
        "admin.workbook.changes": {"da": "Ændringer", "en": "Changes"},
        "admin.workbook.cell": {"da": "Celle", "en": "Cell"},
        "admin.workbook.column": {"da": "Kolonne", "en": "Column"},
        "admin.workbook.value": {"da": "Værdi", "en": "Value"},
        "admin.workbook.problem": {"da": "Fejl", "en": "Problem"},
        "admin.workbook.old": {"da": "Før", "en": "Before"},
        "admin.workbook.new": {"da": "Efter", "en": "After"},
        "admin.workbook.annotated": {
            "da": "Hent filen med fejlene markeret",
            "en": "Download the file with the errors marked",
        },
        "admin.count.new": {"da": "Nye", "en": "New"},
        "admin.count.changed": {"da": "Ændrede", "en": "Changed"},
        "admin.count.unchanged": {"da": "Uændrede", "en": "Unchanged"},
        "admin.count.rejected": {"da": "Afviste", "en": "Rejected"},
        # --- audit trail ---
        "admin.audit.at": {"da": "Tidspunkt", "en": "When"},
        "admin.audit.actor": {"da": "Hvem", "en": "Who"},
        "admin.audit.action": {"da": "Handling", "en": "Action"},
        "admin.audit.target": {"da": "Hvad", "en": "What"},
        "admin.audit.detail": {"da": "Detaljer", "en": "Details"},
        "admin.audit.filter_actor": {"da": "Hvem", "en": "Who"},
        "admin.audit.filter_action": {"da": "Handling", "en": "Action"},
        "admin.audit.filter_dates": {"da": "Periode", "en": "Dates"},
        "admin.audit.filter_text": {"da": "Søg", "en": "Search"},
        "admin.audit.count": {
            "da": "{shown} af {total} hændelser",
            "en": "{shown} of {total} events",
        },
        "admin.audit.csv": {"da": "Hent som CSV", "en": "Download as CSV"},
        "admin.audit.xlsx": {"da": "Hent som Excel", "en": "Download as Excel"},
        "admin.action.login.ok": {"da": "Login", "en": "Login"},
        "admin.action.login.failed": {"da": "Mislykket login", "en": "Failed login"},
        "admin.action.login.refused_locked": {
            "da": "Login afvist (låst)",
            "en": "Login refused (locked)",
        },
        "admin.action.user.add": {"da": "Bruger oprettet", "en": "User added"},
        "admin.action.user.remove": {"da": "Bruger fjernet", "en": "User removed"},
        "admin.action.user.password_reset": {
            "da": "Adgangskode sat",
            "en": "Password reset",
        },
        "admin.action.upload.applied": {"da": "Statusark indlæst", "en": "Upload applied"},
        "admin.action.upload.rolled_back": {
            "da": "Indlæsning rullet tilbage",
            "en": "Upload rolled back",
        },
        "admin.action.catalogue.import": {
            "da": "Katalogregneark indlæst",
            "en": "Catalogue workbook imported",
        },
        "admin.action.catalogue.goal.add": {"da": "Mål oprettet", "en": "Goal added"},
        "admin.action.catalogue.goal.edit": {"da": "Mål ændret", "en": "Goal changed"},
        "admin.action.catalogue.criterion.add": {
            "da": "Succeskriterium oprettet",
            "en": "Success criterion added",
        },
        "admin.action.catalogue.criterion.revise": {
            "da": "Succeskriterium revideret",
            "en": "Success criterion revised",
        },
        "admin.action.catalogue.indicator.add": {
            "da": "Indikator oprettet",
            "en": "Indicator added",
        },
        "admin.action.catalogue.indicator.edit": {
            "da": "Indikator ændret",
            "en": "Indicator changed",
        },
        "admin.action.catalogue.area.add": {"da": "Område oprettet", "en": "Area added"},
        "admin.action.catalogue.area.edit": {"da": "Område ændret", "en": "Area changed"},
        "admin.action.catalogue.area_alias.add": {
            "da": "Alias for område tilføjet",
            "en": "Area alias added",
        },
        "admin.action.catalogue.area_alias.remove": {
            "da": "Alias for område fjernet",
            "en": "Area alias removed",
        },
        "admin.action.catalogue.group_alias.add": {
            "da": "Alias for gruppe tilføjet",
            "en": "Group alias added",
        },
        "admin.action.catalogue.group_alias.remove": {
            "da": "Alias for gruppe fjernet",
            "en": "Group alias removed",
        },
        "admin.action.catalogue.steering_group.add": {
            "da": "Styregruppe oprettet",
            "en": "Steering group added",
        },
        "admin.action.catalogue.steering_group.edit": {
            "da": "Styregruppe ændret",
            "en": "Steering group changed",
        },
    }
)
