"""Texts of the Overblik (overview) and Klynge (cluster) pages."""

TEXTS = {
    # --- Overblik ---
    "overview.intro": {
        "da": "Vælg en celle for at se målene og begrundelsen bag.",
        "en": "Choose a cell to see the goals and the reasoning behind it.",
    },
    "overview.as_of": {"da": "Data pr.", "en": "Data as of"},
    "overview.as_of.latest": {"da": "Seneste data", "en": "Latest data"},
    "overview.as_of.period": {"da": "Udgangen af {period}", "en": "End of {period}"},
    "overview.as_of.help": {
        "da": "Se status, som den så ud ved udgangen af en periode: kun tal til og med perioden "
        "og de succeskriterier, der gjaldt da.",
        "en": "See the status as it was at the end of a period: only figures up to that period "
        "and the success criteria valid then.",
    },
    "overview.as_of.shown": {"da": "Data pr. {period}", "en": "Data as of {period}"},
    "overview.as_of.shown_latest": {
        "da": "Seneste data (nyeste periode: {period})",
        "en": "Latest data (newest period: {period})",
    },
    "overview.messages.title": {"da": "Det vigtigste", "en": "Key messages"},
    "overview.headline": {
        "da": "Hele regionen – alle klynger og spor",
        "en": "The whole region – all clusters and tracks",
    },
    "overview.headline.detail": {
        "da": "Hvert succeskriterium tælles én gang i hver klynge.",
        "en": "Each success criterion is counted once in each cluster.",
    },
    "overview.grid.title": {"da": "Klynger og spor", "en": "Clusters and tracks"},
    "overview.grid.help": {
        "da": "Under farven står, hvor mange succeskriterier der bærer den samlede status. De "
        "små mærker tæller alle cellens succeskriterier pr. status. Social ulighed samler "
        "ulighedsmålene fra alle spor; de tælles også med i deres spor.",
        "en": "Below the colour: how many success criteria carry the combined status. The small "
        "marks count all the cell's success criteria per status. Social inequality gathers the "
        "inequality criteria of every track; they are also counted in their track.",
    },
    "overview.grid.cluster": {"da": "Klynge", "en": "Cluster"},
    "overview.grid.inequality": {"da": "Social ulighed", "en": "Social inequality"},
    "overview.grid.inequality.note": {
        "da": "ulighedsmål i alle spor",
        "en": "inequality criteria, all tracks",
    },
    "overview.grid.all_tracks": {"da": "Alle spor", "en": "All tracks"},
    "overview.grid.all_clusters": {"da": "Alle klynger", "en": "All clusters"},
    "overview.grid.open": {"da": "Se målene", "en": "See the goals"},
    "overview.grid.open_cluster": {"da": "Se klyngen", "en": "See the cluster"},
    "overview.grid.empty": {"da": "Ingen succeskriterier", "en": "No success criteria"},
    "overview.chip": {
        "da": "{label}: {n} succeskriterier",
        "en": "{label}: {n} success criteria",
    },
    "overview.legend": {"da": "Forklaring, bedst først", "en": "Key, best first"},
    "overview.freshness.title": {"da": "Senest indlæst", "en": "Last uploaded"},
    "overview.freshness.item": {
        "da": "<b>{group}</b>: {when} af {user} ({file})",
        "en": "<b>{group}</b>: {when} by {user} ({file})",
    },
    "overview.freshness.never": {
        "da": "<b>{group}</b>: intet indlæst endnu",
        "en": "<b>{group}</b>: nothing uploaded yet",
    },
    "overview.freshness.data_until": {
        "da": "tal til og med {period}",
        "en": "figures up to {period}",
    },
    "overview.empty": {
        "da": "**Der er endnu ingen tal i Målbillede.** Når den første styregruppe har indlæst "
        "sit statusark, viser overblikket status for hver klynge på hvert spor.",
        "en": "**There are no figures in Målbillede yet.** Once the first steering group has "
        "uploaded its status workbook, the overview shows the status of every cluster on "
        "every track.",
    },
    "overview.empty.upload": {
        "da": "Indlæs det første statusark",
        "en": "Upload the first status workbook",
    },
    "overview.empty.cli": {
        "da": "Statusark kan også indlæses fra kommandolinjen:",
        "en": "Status workbooks can also be uploaded from the command line:",
    },
    "overview.empty.cli.command": {
        "da": "python -m goals import FIL.xlsx",
        "en": "python -m goals import FILE.xlsx",
    },
    "overview.goals.title": {
        "da": "Mål og succeskriterier pr. spor",
        "en": "Goals and success criteria per track",
    },
    "overview.criterion.in_clusters": {
        "da": "Klynger pr. status:",
        "en": "Clusters per status:",
    },
    "overview.grid.figure": {
        "da": "Vis som figur (til præsentation og eksport)",
        "en": "Show as a figure (for presentation and export)",
    },
    # --- Klynge ---
    "cluster.select": {"da": "Klynge", "en": "Cluster"},
    "cluster.track": {"da": "Spor", "en": "Track"},
    "cluster.track.all": {"da": "Alle spor", "en": "All tracks"},
    "cluster.members_on": {
        "da": "Kommuner pr. {date}: {names}",
        "en": "Municipalities on {date}: {names}",
    },
    "cluster.total": {
        "da": "Samlet vurdering af klyngens succeskriterier",
        "en": "Overall verdict on the cluster's success criteria",
    },
    "cluster.goal.computed": {"da": "Beregnet status", "en": "Computed status"},
    "cluster.goal.assessment": {
        "da": "Styregruppens vurdering {period}",
        "en": "Steering group's assessment {period}",
    },
    "cluster.goal.no_assessment": {
        "da": "Styregruppen har ikke givet en vurdering endnu.",
        "en": "The steering group has not given an assessment yet.",
    },
    "cluster.mismatch": {
        "da": "Styregruppen vurderer **{light}**, men beregningen siger **{status}**. "
        "Se begrundelsen under hvert succeskriterium.",
        "en": "The steering group assesses **{light}**, but the computation says "
        "**{status}**. See the reasoning under each success criterion.",
    },
    "cluster.criterion.no_data": {
        "da": "{cluster} har endnu ingen tal for dette succeskriterium.",
        "en": "{cluster} has no figures for this success criterion yet.",
    },
    "cluster.criterion.not_here": {
        "da": "Succeskriteriet gælder ikke klyngen som helhed.",
        "en": "The success criterion does not apply to the cluster as a whole.",
    },
    "cluster.criterion.meta": {
        "da": "{indicator} · {subject}",
        "en": "{indicator} · {subject}",
    },
    "cluster.criterion.unit": {"da": "Enhed: {unit}", "en": "Unit: {unit}"},
    "cluster.sparkline": {"da": "Udvikling {first}–{last}", "en": "Trend {first}–{last}"},
    "cluster.initiatives": {"da": "Indsatser", "en": "Initiatives"},
    "cluster.initiatives.none": {
        "da": "Ingen indsatser indberettet for målet i klyngen.",
        "en": "No initiatives reported for the goal in the cluster.",
    },
    "cluster.open_goal": {"da": "Målet i alle klynger", "en": "The goal in every cluster"},
    "cluster.goal.details": {
        "da": "{n} succeskriterier med grafer, tal og indsatser",
        "en": "{n} success criteria with charts, figures and initiatives",
    },
    "cluster.details.closed": {
        "da": "Hvert måls succeskriterier med grafer, tal og indsatser vises, når du åbner dem.",
        "en": "Each goal's success criteria with charts, figures and initiatives show when you "
        "open them.",
    },
    "cluster.goal.details.one": {
        "da": "1 succeskriterium med graf, tal og indsatser",
        "en": "1 success criterion with its chart, figures and initiatives",
    },
    "cluster.no_goals": {"da": "Ingen mål på dette spor.", "en": "No goals on this track."},
    "cluster.empty": {
        "da": "Der er endnu ingen tal for {cluster}. Målene og succeskriterierne står "
        "nedenfor; status vises, når styregrupperne har indlæst deres statusark.",
        "en": "There are no figures for {cluster} yet. The goals and success criteria are "
        "below; the status appears once the steering groups have uploaded their status "
        "workbooks.",
    },
}
