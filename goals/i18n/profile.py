"""Texts of the cluster profile (goals.catalogue.profile, the Klyngeprofil page)."""

TEXTS = {
    "profile.unknown_cluster": {
        "da": "'{name}' er ikke en klynge i kataloget.",
        "en": "'{name}' is not a cluster in the catalogue.",
    },
    "profile.unknown_section": {
        "da": "Afsnittet '{name}' findes ikke; brug tilbud, ressourcer eller udfordringer.",
        "en": "There is no section '{name}'; use tilbud, ressourcer or udfordringer.",
    },
    "profile.unknown_indicator": {
        "da": "Indikatoren '{name}' findes ikke i kataloget.",
        "en": "The indicator '{name}' is not in the catalogue.",
    },
    "profile.too_long": {
        "da": "Teksten er {n} tegn; højst {limit}.",
        "en": "The text has {n} characters; at most {limit}.",
    },
    "profile.what.edit": {"da": "redigere klyngeprofiler", "en": "edit cluster profiles"},
    "profile.what.key_figures": {"da": "vælge nøgletal", "en": "choose key figures"},
    "profile.section.tilbud": {"da": "Tilbud", "en": "Offers"},
    "profile.section.ressourcer": {"da": "Ressourcer", "en": "Resources"},
    "profile.section.udfordringer": {"da": "Udfordringer", "en": "Challenges"},
    "profile.title": {"da": "Klyngeprofil", "en": "Cluster profile"},
    "profile.intro": {
        "da": "Klyngens medlemmer, nøgletal og sekretariatets beskrivelse af tilbud, ressourcer "
        "og udfordringer.",
        "en": "The cluster's members, key figures and the secretariat's description of offers, "
        "resources and challenges.",
    },
    "profile.members": {"da": "Medlemmer", "en": "Members"},
    "profile.kind.municipality": {"da": "Kommuner", "en": "Municipalities"},
    "profile.kind.hospital": {"da": "Hospitalsenheder", "en": "Hospital units"},
    "profile.kind.general_practice": {"da": "Almen praksis", "en": "General practice"},
    "profile.key_figures": {"da": "Nøgletal", "en": "Key figures"},
    "profile.no_key_figures": {
        "da": "Sekretariatet har ikke valgt nøgletal endnu.",
        "en": "The secretariat has not chosen key figures yet.",
    },
    "profile.no_value": {"da": "intet tal endnu", "en": "no value yet"},
    "profile.empty_section": {
        "da": "Sekretariatet har ikke skrevet dette afsnit endnu.",
        "en": "The secretariat has not written this section yet.",
    },
    "profile.history": {"da": "Tidligere versioner ({n})", "en": "Earlier versions ({n})"},
    "profile.edit": {"da": "Ret afsnittet", "en": "Edit the section"},
    "profile.save": {"da": "Gem", "en": "Save"},
    "profile.saved": {"da": "Afsnittet er gemt.", "en": "The section is saved."},
    "profile.key_figures.choose": {
        "da": "Nøgletal på alle klyngeprofiler (i rækkefølge)",
        "en": "Key figures on every cluster profile (in order)",
    },
    "profile.key_figures.saved": {"da": "Nøgletallene er gemt.", "en": "Key figures saved."},
    "profile.pick": {"da": "Klynge", "en": "Cluster"},
    "nav.profile": {"da": "Klyngeprofil", "en": "Cluster profile"},
    "profile.deck.title": {"da": "Klyngeprofil: {name}", "en": "Cluster profile: {name}"},
    "profile.deck.subtitle": {
        "da": "Medlemmer, nøgletal, tilbud, ressourcer og udfordringer",
        "en": "Members, key figures, offers, resources and challenges",
    },
    "profile.deck.footer": {
        "da": "Kilde: klyngeprofilen i Målbillede · {date}",
        "en": "Source: the cluster profile in Målbillede · {date}",
    },
    "profile.deck.col.figure": {"da": "Nøgletal", "en": "Key figure"},
    "profile.deck.col.value": {"da": "Værdi", "en": "Value"},
    "profile.deck.col.period": {"da": "Periode", "en": "Period"},
    "profile.deck.col.source": {"da": "Kilde", "en": "Source"},
    "profile.deck.download": {
        "da": "Hent profilen som PowerPoint",
        "en": "Download the profile as PowerPoint",
    },
    "profile.deck.written": {
        "da": "Skrev {path}: {n} dias.",
        "en": "Wrote {path}: {n} slides.",
    },
    "profile.no_members": {
        "da": "Kataloget har ingen medlemmer af klyngen.",
        "en": "The catalogue has no members of the cluster.",
    },
}
