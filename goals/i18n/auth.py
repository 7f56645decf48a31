"""Texts of login, access and demo mode."""

TEXTS = {
    "auth.login": {"da": "Log ind", "en": "Log in"},
    "auth.logout": {"da": "Log ud", "en": "Log out"},
    "auth.name": {"da": "Brugernavn", "en": "User name"},
    "auth.password": {"da": "Adgangskode", "en": "Password"},
    "auth.sso": {
        "da": "Log ind med din organisations konto",
        "en": "Log in with your organisation account",
    },
    "auth.signed_in_as": {
        "da": "Logget ind som **{name}** ({role})",
        "en": "Logged in as **{name}** ({role})",
    },
    "auth.wrong": {
        "da": "Brugernavn eller adgangskode er forkert.",
        "en": "The user name or password is wrong.",
    },
    "auth.locked": {
        "da": "For mange forkerte forsøg herfra. Prøv igen om {seconds} sekunder, eller log ind fra en computer, du har brugt før.",
        "en": "Too many failed attempts from here. Try again in {seconds} seconds, or log in from a computer you have used before.",
    },
    "auth.expired": {
        "da": "Du er blevet logget ud, fordi sessionen er udløbet. Log ind igen.",
        "en": "You have been logged out because the session expired. Please log in again.",
    },
    "auth.unknown_sso": {
        "da": "Din konto ({email}) er ikke oprettet i Målbillede. Kontakt sekretariatet.",
        "en": "Your account ({email}) is not registered in Målbillede. Contact the secretariat.",
    },
    "auth.need_login": {
        "da": "Denne side kræver, at du er logget ind.",
        "en": "This page requires you to log in.",
    },
    "auth.need_upload": {
        "da": "Kun bidragydere og administratorer kan indlæse statusark. Du er logget ind som {name} ({role}).",
        "en": "Only contributors and admins can upload status workbooks. You are logged in as {name} ({role}).",
    },
    "auth.need_admin": {
        "da": "Kun administratorer (sekretariatet) har adgang til denne side.",
        "en": "Only admins (the secretariat) can open this page.",
    },
    "auth.demo_mode": {
        "da": "**Demotilstand:** der er ikke oprettet brugere, så alle kan indlæse og administrere. "
        "Opret den første administrator med `python -m goals users add`.",
        "en": "**Demo mode:** no users exist, so everyone may upload and administer. "
        "Create the first admin with `python -m goals users add`.",
    },
    "role.viewer": {"da": "læser", "en": "viewer"},
    "role.contributor": {"da": "bidragyder", "en": "contributor"},
    "role.admin": {"da": "administrator", "en": "admin"},
    "access.error.name": {
        "da": "Et brugernavn skal have mellem 1 og 200 tegn.",
        "en": "A user name must have between 1 and 200 characters.",
    },
    "access.error.password": {
        "da": "En adgangskode skal have mindst {n} tegn.",
        "en": "A password must have at least {n} characters.",
    },
    "access.error.steering_group": {
        "da": "Styregruppen '{code}' findes ikke (kendte: {known}).",
        "en": "Unknown steering group '{code}' (known: {known}).",
    },
    "access.error.role": {
        "da": "Rollen '{role}' findes ikke: brug viewer, contributor eller admin.",
        "en": "Unknown role '{role}': use viewer, contributor or admin.",
    },
    "access.error.first_admin": {
        "da": "Den første bruger skal være administrator, så nogen kan styre brugerne.",
        "en": "The first user must be an admin, so that someone can manage users.",
    },
    "access.error.exists": {
        "da": "Der findes allerede en bruger med navnet '{name}'.",
        "en": "A user named '{name}' already exists.",
    },
    "access.error.no_user": {
        "da": "Der er ingen bruger med navnet '{name}'.",
        "en": "There is no user named '{name}'.",
    },
    "access.error.last_admin": {
        "da": "Det er den sidste administrator; opret en anden administrator, før denne fjernes.",
        "en": "This is the last admin; add another admin before removing it.",
    },
    "access.error.contributor_group": {
        "da": "En bidragyder skal høre til mindst én styregruppe (--steering-group KODE).",
        "en": "A contributor needs at least one steering group (--steering-group CODE).",
    },
    "access.denied.admin": {
        "da": "Kun administratorer (sekretariatet) må gøre dette; {who} må ikke.",
        "en": "Only an admin may {what}; {who} may not.",
    },
    "access.denied.unknown": {
        "da": "Ukendt bruger: kun oprettede brugere må indlæse.",
        "en": "Unknown user: only registered users may upload.",
    },
    "access.denied.original": {
        "da": "{who} må ikke hente den originale fil til indlæsning nr. {upload_id}: den er for "
        "den styregruppe, hvis tal den indeholder, den bruger, der indlæste den, og "
        "sekretariatet.",
        "en": "{who} may not download the original file of upload no. {upload_id}: it is for "
        "the steering group whose figures it holds, the user who uploaded it and the "
        "secretariat.",
    },
    "access.denied.viewer": {
        "da": "{who} har kun læseadgang og må ikke indlæse.",
        "en": "{who} is a viewer and may not upload.",
    },
}
