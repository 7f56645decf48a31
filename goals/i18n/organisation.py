"""Texts of the organisation over time (dated memberships) and the small-number rule."""

TEXTS = {
    "organisation.as_of": {
        "da": "Klyngerne som de er sammensat pr. {date}.",
        "en": "The clusters as they are made up on {date}.",
    },
    "organisation.as_of_since": {
        "da": "Klyngerne som de er sammensat pr. {date} (sådan siden {since}). Tidligere perioder vises med klyngerne, som de var dengang.",
        "en": "The clusters as they are made up on {date} (so since {since}). Earlier periods are shown with the clusters as they were then.",
    },
    "organisation.also_in": {"da": "også i {clusters}", "en": "also in {clusters}"},
    "organisation.joined": {
        "da": "{area} hører nu også til {cluster} fra {date}.",
        "en": "{area} now also belongs to {cluster} from {date}.",
    },
    "organisation.left": {
        "da": "{area} hører ikke længere til {cluster} fra {date}.",
        "en": "{area} no longer belongs to {cluster} from {date}.",
    },
    "organisation.today": {"da": "i dag", "en": "today"},
    "organisation.suppression.on": {
        "da": "Diskretionering: tal, der bygger på færre end {n}, vises ikke.",
        "en": "Small-number suppression: figures that rest on fewer than {n} are not shown.",
    },
    "organisation.suppression.off": {
        "da": "Diskretionering er slået fra: alle tal vises.",
        "en": "Small-number suppression is off: every figure is shown.",
    },
}
