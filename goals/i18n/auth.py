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
        "da": "For mange forkerte forsøg. Prøv igen om {seconds} sekunder.",
        "en": "Too many failed attempts. Try again in {seconds} seconds.",
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
}
