"""Texts of the upload page (Indlæs statusark)."""

TEXTS = {
    "upload.title": {"da": "Indlæs statusark", "en": "Upload a status workbook"},
    "upload.intro": {
        "da": "Hent skabelonen, udfyld den i Excel, og indlæs den her. Du ser altid en "
        "forhåndsvisning først – intet gemmes, før du bekræfter, og en indlæsning kan rulles "
        "tilbage.",
        "en": "Download the template, fill it in in Excel and upload it here. You always see a "
        "preview first – nothing is saved until you confirm, and an upload can be rolled back.",
    },
    "upload.step.template": {"da": "1. Hent skabelonen", "en": "1. Download the template"},
    "upload.step.file": {"da": "2. Vælg den udfyldte fil", "en": "2. Choose the filled-in file"},
    "upload.step.preview": {"da": "3. Tjek og bekræft", "en": "3. Check and confirm"},
    "upload.step.history": {"da": "Tidligere indlæsninger", "en": "Earlier uploads"},
    "upload.steering_group": {"da": "Styregruppe", "en": "Steering group"},
    "upload.template_button": {"da": "Hent skabelon (.xlsx)", "en": "Download template (.xlsx)"},
    "upload.file_label": {
        "da": "Statusark (.xlsx, .xlsm, .ods eller .xls, højst {limit} MB)",
        "en": "Status workbook (.xlsx, .xlsm, .ods or .xls, at most {limit} MB)",
    },
    "upload.counts.sheet": {"da": "Ark", "en": "Sheet"},
    "upload.counts.new": {"da": "Nye", "en": "New"},
    "upload.counts.changed": {"da": "Ændrede", "en": "Changed"},
    "upload.counts.unchanged": {"da": "Uændrede", "en": "Unchanged"},
    "upload.counts.rejected": {"da": "Afviste", "en": "Rejected"},
    "upload.counts.skipped": {"da": "Tomme", "en": "Blank"},
    "upload.errors.title": {
        "da": "{n} fejl skal rettes, før filen kan indlæses",
        "en": "{n} errors must be fixed before the file can be uploaded",
    },
    "upload.errors.cell": {"da": "Celle", "en": "Cell"},
    "upload.errors.column": {"da": "Kolonne", "en": "Column"},
    "upload.errors.value": {"da": "Fundet", "en": "Found"},
    "upload.errors.message": {"da": "Hvad er galt", "en": "What is wrong"},
    "upload.annotated": {
        "da": "Hent din fil med fejlene markeret",
        "en": "Download your file with the errors marked",
    },
    "upload.changes.title": {"da": "Det ændres ({n})", "en": "What changes ({n})"},
    "upload.changes.kind": {"da": "Hvad", "en": "What"},
    "upload.changes.subject": {"da": "Række", "en": "Row"},
    "upload.changes.old": {"da": "Før", "en": "Before"},
    "upload.changes.new": {"da": "Nu", "en": "Now"},
    "upload.changes.fields": {"da": "Det ændres (før → nu)", "en": "What changes (before → now)"},
    "upload.changes.kind.new": {"da": "Ny", "en": "New"},
    "upload.changes.kind.changed": {"da": "Ændret", "en": "Changed"},
    "upload.changes.more": {
        "da": "Viser de første {shown} af {n} ændringer.",
        "en": "Showing the first {shown} of {n} changes.",
    },
    "upload.confirm": {"da": "Bekræft og indlæs", "en": "Confirm and upload"},
    "upload.confirm_nothing_new": {
        "da": "Bekræft indsendelsen (ingen ændringer)",
        "en": "Confirm the upload (no changes)",
    },
    "upload.another": {
        "da": "Vil du indlæse en anden fil, så vælg den ovenfor.",
        "en": "To upload another file, choose it above.",
    },
    "upload.cancel": {"da": "Fortryd", "en": "Cancel"},
    "upload.history.empty": {"da": "Ingen indlæsninger endnu.", "en": "No uploads yet."},
    "upload.history.id": {"da": "Nr.", "en": "No."},
    "upload.history.when": {"da": "Tidspunkt", "en": "When"},
    "upload.history.user": {"da": "Af", "en": "By"},
    "upload.history.file": {"da": "Fil", "en": "File"},
    "upload.history.state": {"da": "Status", "en": "State"},
    "upload.history.counts": {"da": "Nye/ændr./uændr.", "en": "New/chg./same"},
    "upload.history.counts_value": {
        "da": "{new} / {changed} / {unchanged}",
        "en": "{new} / {changed} / {unchanged}",
    },
    "upload.history.group": {"da": "Styregruppe", "en": "Steering group"},
    "upload.history.option": {
        "da": "Nr. {id} · {file} · {user} · {when}{own}",
        "en": "No. {id} · {file} · {user} · {when}{own}",
    },
    "upload.history.own": {"da": " (din)", "en": " (yours)"},
    "upload.state.applied": {"da": "Gældende", "en": "Applied"},
    "upload.state.rolled_back": {"da": "Rullet tilbage", "en": "Rolled back"},
    "upload.history.pick": {"da": "Vælg en indlæsning", "en": "Choose an upload"},
    "upload.history.download": {"da": "Hent den originale fil", "en": "Download the original file"},
    "upload.rollback.button": {
        "da": "Rul nr. {upload_id} tilbage …",
        "en": "Roll back no. {upload_id} …",
    },
    "upload.rollback.title": {
        "da": "Rul indlæsning nr. {upload_id} tilbage?",
        "en": "Roll back upload no. {upload_id}?",
    },
    "upload.rollback.by": {"da": "Indlæst af", "en": "Uploaded by"},
    "upload.rollback.confirm": {
        "da": "Ja, rul nr. {upload_id} tilbage",
        "en": "Yes, roll back no. {upload_id}",
    },
}
