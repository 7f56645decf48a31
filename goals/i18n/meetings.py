"""Texts of meetings (goals.meetings): refusals, the changes since a meeting, decisions and
actions, and the summary for recipients."""

TEXTS = {
    "meeting.bad_date": {
        "da": "Datoen '{value}' kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-06-18.",
        "en": "The date '{value}' cannot be read. Write it as YYYY-MM-DD, e.g. 2026-06-18.",
    },
    "meeting.unknown": {"da": "Der er intet møde nr. {id}.", "en": "There is no meeting {id}."},
    "meeting.unknown_clusters": {
        "da": "Klyngen '{name}' findes ikke i kataloget.",
        "en": "The cluster '{name}' is not in the catalogue.",
    },
    "meeting.unknown_tracks": {
        "da": "Sporet '{name}' findes ikke i kataloget.",
        "en": "The track '{name}' is not in the catalogue.",
    },
    "meeting.unknown_goals": {
        "da": "Målet '{name}' findes ikke i kataloget.",
        "en": "The goal '{name}' is not in the catalogue.",
    },
    "meeting.no_title": {"da": "Mødet skal have en titel.", "en": "The meeting needs a title."},
    "meeting.title_too_long": {
        "da": "Titlen er {n} tegn; højst 200.",
        "en": "The title has {n} characters; at most 200.",
    },
    "meeting.what.create": {"da": "oprette møder", "en": "create meetings"},
    "meeting.what.edit": {"da": "ændre møder", "en": "change meetings"},
    "meeting.what.annotate": {"da": "skrive noter til møder", "en": "annotate meetings"},
    "meeting.what.freeze": {"da": "fastfryse møder", "en": "freeze meetings"},
    "meeting.what.actions": {
        "da": "registrere beslutninger og handlinger",
        "en": "record decisions and actions",
    },
    "meeting.frozen_no_edit": {
        "da": "Møde nr. {id} er fastfrosset og kan ikke ændres – kun få noter.",
        "en": "Meeting {id} is frozen and cannot be changed – only annotated.",
    },
    "meeting.no_note": {"da": "Noten er tom.", "en": "The note is empty."},
    "meeting.already_frozen": {
        "da": "Møde nr. {id} blev fastfrosset {at} og kan ikke fastfryses igen.",
        "en": "Meeting {id} was frozen on {at} and cannot be frozen again.",
    },
    "meeting.not_frozen": {
        "da": "Møde nr. {id} er ikke fastfrosset endnu: der er intet at vise fra mødet.",
        "en": "Meeting {id} is not frozen yet: there is nothing shown at it to show again.",
    },
    "meeting.to_not_later": {
        "da": "Møde nr. {to} er ikke senere end møde nr. {id}.",
        "en": "Meeting {to} is not later than meeting {id}.",
    },
    # decisions and actions
    "meeting.kind.decision": {"da": "Beslutning", "en": "Decision"},
    "meeting.kind.action": {"da": "Handling", "en": "Action"},
    "meeting.action.open": {"da": "Åben", "en": "Open"},
    "meeting.action.in_progress": {"da": "I gang", "en": "In progress"},
    "meeting.action.closed": {"da": "Lukket", "en": "Closed"},
    "meeting.bad_kind": {
        "da": "'{value}' er hverken en beslutning eller en handling (decision, action).",
        "en": "'{value}' is neither a decision nor an action (decision, action).",
    },
    "meeting.bad_status": {
        "da": "Status '{value}' findes ikke; brug åben, i gang eller lukket.",
        "en": "There is no status '{value}'; use open, in progress or closed.",
    },
    "meeting.no_text": {
        "da": "Beslutningen eller handlingen skal have en tekst.",
        "en": "The decision or action needs a text.",
    },
    "meeting.unknown_action": {
        "da": "Der er ingen beslutning eller handling nr. {id}.",
        "en": "There is no decision or action {id}.",
    },
    "meeting.unknown_area": {
        "da": "Området '{name}' findes ikke i kataloget.",
        "en": "The area '{name}' is not in the catalogue.",
    },
    # changes since a meeting, and the summary
    "meeting.changes.title": {
        "da": "Siden mødet {date}",
        "en": "Since the meeting on {date}",
    },
    "meeting.changes.to_meeting": {
        "da": "Fra mødet {date} til mødet {to}",
        "en": "From the meeting on {date} to the meeting on {to}",
    },
    "meeting.changes.verdicts": {
        "da": "Ændret status (succeskriterium × område): {n}",
        "en": "Changed verdicts (success criterion × area): {n}",
    },
    "meeting.changes.none": {
        "da": "Ingen status er ændret.",
        "en": "No verdict has changed.",
    },
    "meeting.changes.revised": {
        "da": "Tal, som mødet viste, og som er rettet efter mødet: {n}",
        "en": "Values the meeting showed that were revised afterwards: {n}",
    },
    "meeting.changes.new_values": {
        "da": "Nye tal for de viste serier: {n}",
        "en": "New values for the series shown: {n}",
    },
    "meeting.changes.new_assessments": {
        "da": "Nye vurderinger fra styregrupperne: {n}",
        "en": "New assessments from the steering groups: {n}",
    },
    "meeting.changes.withdrawn": {"da": "trukket tilbage", "en": "withdrawn"},
    "meeting.summary.title": {
        "da": "Opsummering: {title}",
        "en": "Summary: {title}",
    },
    "meeting.summary.meta": {
        "da": "{forum}, {date}. Status fastfrosset {frozen}.",
        "en": "{forum}, {date}. Status frozen on {frozen}.",
    },
    "meeting.summary.not_frozen": {
        "da": "{forum}, {date}. Status er ikke fastfrosset: tallene er dagens.",
        "en": "{forum}, {date}. Status not frozen: the figures are today's.",
    },
    "meeting.summary.messages": {"da": "Hovedbudskaber", "en": "Key messages"},
    "meeting.summary.changes": {
        "da": "Ændringer siden forrige møde",
        "en": "Changes since the previous meeting",
    },
    "meeting.summary.no_previous": {
        "da": "Der er intet tidligere fastfrosset møde i samme forum at sammenligne med.",
        "en": "There is no earlier frozen meeting of the same forum to compare with.",
    },
    "meeting.summary.decisions": {
        "da": "Beslutninger og handlinger",
        "en": "Decisions and actions",
    },
    "meeting.summary.no_decisions": {
        "da": "Ingen beslutninger eller handlinger er registreret.",
        "en": "No decisions or actions are recorded.",
    },
    "meeting.summary.open_earlier": {
        "da": "Åbne handlinger fra tidligere møder",
        "en": "Open actions from earlier meetings",
    },
    "meeting.summary.owner_due": {
        "da": "Ansvarlig: {owner}. Frist: {due}. Status: {status}.",
        "en": "Owner: {owner}. Due: {due}. Status: {status}.",
    },
    "meeting.summary.bad_format": {
        "da": "Opsummeringen kan skrives som .pdf, .docx eller .txt – ikke '{suffix}'.",
        "en": "The summary can be written as .pdf, .docx or .txt – not '{suffix}'.",
    },
    # the Møder page and the administration tab (goals.ui.meeting_view)
    "meetings.title": {"da": "Møder", "en": "Meetings"},
    "meetings.intro": {
        "da": "Direktørforums møder: hvad der har flyttet sig siden sidst, status som den blev "
        "vist på mødet, beslutninger og opfølgning.",
        "en": "The directors' forum's meetings: what moved since last time, the status as shown "
        "at the meeting, decisions and follow-up.",
    },
    "meetings.none": {
        "da": "Der er ingen møder endnu. Sekretariatet opretter dem her eller på Administration.",
        "en": "There are no meetings yet. The secretariat creates them here or on Administration.",
    },
    "meetings.pick": {"da": "Møde", "en": "Meeting"},
    "meetings.frozen_at": {"da": "status fastfrosset {at}", "en": "status frozen {at}"},
    "meetings.not_frozen": {"da": "status ikke fastfrosset", "en": "status not frozen"},
    "meetings.agenda.clusters": {"da": "Klynger", "en": "Clusters"},
    "meetings.agenda.tracks": {"da": "Spor", "en": "Tracks"},
    "meetings.agenda.goals": {"da": "Mål", "en": "Goals"},
    "meetings.changes.title": {"da": "Siden sidste møde", "en": "Since the last meeting"},
    "meetings.revised.title": {
        "da": "Rettet efter mødet: tal, som mødet viste, og som nu er anderledes",
        "en": "Revised after the meeting: values the meeting showed that are now different",
    },
    "meetings.status.title": {
        "da": "Status som vist på mødet",
        "en": "Status as shown at the meeting",
    },
    "meetings.status.live": {
        "da": "Mødet er ikke fastfrosset: Overblik viser dagens status. Fastfrys mødet, når "
        "status er gennemgået, så kan den altid vises igen, som den var.",
        "en": "The meeting is not frozen: Overview shows today's status. Freeze the meeting "
        "once the status is reviewed, so it can always be shown again as it was.",
    },
    "meetings.col.criterion": {"da": "Succeskriterium", "en": "Success criterion"},
    "meetings.col.area": {"da": "Område", "en": "Area"},
    "meetings.col.before": {"da": "Før", "en": "Before"},
    "meetings.col.after": {"da": "Nu", "en": "Now"},
    "meetings.col.latest": {"da": "Seneste tal", "en": "Latest value"},
    "meetings.col.indicator": {"da": "Indikator", "en": "Indicator"},
    "meetings.col.period": {"da": "Periode", "en": "Period"},
    "meetings.col.group": {"da": "Gruppe", "en": "Group"},
    "meetings.col.upload": {"da": "Indlæsning", "en": "Upload"},
    "meetings.col.meeting": {"da": "Møde", "en": "Meeting"},
    "meetings.col.kind": {"da": "Type", "en": "Kind"},
    "meetings.col.text": {"da": "Tekst", "en": "Text"},
    "meetings.col.subject": {"da": "Mål · klynge", "en": "Goal · cluster"},
    "meetings.col.goal": {"da": "Mål", "en": "Goal"},
    "meetings.col.cluster": {"da": "Klynge", "en": "Cluster"},
    "meetings.col.owner": {"da": "Ansvarlig", "en": "Owner"},
    "meetings.col.due": {"da": "Frist", "en": "Due"},
    "meetings.col.status": {"da": "Status", "en": "Status"},
    "meetings.col.title": {"da": "Titel", "en": "Title"},
    "meetings.col.date": {"da": "Dato", "en": "Date"},
    "meetings.col.forum": {"da": "Forum", "en": "Forum"},
    "meetings.col.frozen": {"da": "Fastfrosset", "en": "Frozen"},
    "meetings.action.add": {
        "da": "Registrér en beslutning eller handling",
        "en": "Record a decision or action",
    },
    "meetings.action.added": {"da": "Registreret.", "en": "Recorded."},
    "meetings.action.follow_up": {"da": "Følg op", "en": "Follow up"},
    "meetings.action.pick": {"da": "Beslutning eller handling", "en": "Decision or action"},
    "meetings.action.updated": {"da": "Status er opdateret.", "en": "Status updated."},
    "meetings.summary.title": {"da": "Opsummering til modtagere", "en": "Summary for recipients"},
    "meetings.summary.help": {
        "da": "Hovedbudskaber, ændringer, beslutninger og handlinger på én side.",
        "en": "Key messages, changes, decisions and actions on one page.",
    },
    "meetings.summary.pdf": {"da": "Hent som PDF", "en": "Download as PDF"},
    "meetings.summary.docx": {"da": "Hent som Word", "en": "Download as Word"},
    "meetings.summary.txt": {"da": "Hent som tekst", "en": "Download as text"},
    "meetings.summary.email": {
        "da": "Tekst til en e-mail",
        "en": "Text for an e-mail",
    },
    "meetings.admin": {"da": "Sekretariatet: møder", "en": "Secretariat: meetings"},
    "meetings.new": {"da": "Nyt møde", "en": "New meeting"},
    "meetings.create": {"da": "Opret mødet", "en": "Create the meeting"},
    "meetings.created": {"da": "Mødet '{title}' er oprettet.", "en": "Meeting '{title}' created."},
    "meetings.edit": {"da": "Ret '{title}'", "en": "Edit '{title}'"},
    "meetings.save": {"da": "Gem", "en": "Save"},
    "meetings.saved": {"da": "Gemt.", "en": "Saved."},
    "meetings.freeze": {"da": "Fastfrys status nu", "en": "Freeze the status now"},
    "meetings.freeze.help": {
        "da": "At fastfryse gemmer hver status og tallene bag den, som de står nu. Mødet viser "
        "derefter altid netop dét – også efter nye indlæsninger og rettelser – og kan ikke "
        "ændres, kun få noter.",
        "en": "Freezing stores every status and the values behind it as they stand now. The "
        "meeting then always shows exactly that – also after new uploads and revisions – and "
        "cannot be changed, only annotated.",
    },
    "meetings.frozen": {
        "da": "Status for '{title}' er fastfrosset.",
        "en": "The status of '{title}' is frozen.",
    },
    "meetings.note": {"da": "Note til mødet", "en": "Note on the meeting"},
    "meetings.note.add": {"da": "Tilføj noten", "en": "Add the note"},
    "meetings.note.added": {"da": "Noten er tilføjet.", "en": "Note added."},
    "meetings.open_actions": {
        "da": "Åbne handlinger fra møder: {n}",
        "en": "Open actions from meetings: {n}",
    },
    "meetings.banner": {
        "da": "Du ser status som vist på mødet «{title}» {date} (fastfrosset {frozen}), ikke "
        "dagens. Fjern ?meeting fra adressen for at se dagens status.",
        "en": "You are looking at the status as shown at the meeting “{title}” on {date} (frozen "
        "{frozen}), not today's. Remove ?meeting from the address to see today's status.",
    },
    "meetings.open.overview": {"da": "Overblik som på mødet", "en": "Overview as at the meeting"},
    "meetings.open.cluster": {"da": "Klynger som på mødet", "en": "Clusters as at the meeting"},
    "meetings.open.present": {
        "da": "Præsentation som på mødet",
        "en": "Presentation as at the meeting",
    },
    "admin.tab.meetings": {"da": "Møder", "en": "Meetings"},
    "nav.meetings": {"da": "Møder", "en": "Meetings"},
}
