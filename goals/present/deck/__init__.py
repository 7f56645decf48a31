"""A presentation deck built from a selection of the status: the one source of both the
Præsentation page and the PowerPoint status report, so the two never disagree.

`build_deck` turns a `StatusReport` (goals.status) and a `Selection` (a cluster, a track, a goal
or everything) into a `Deck`: a list of `Slide`, each with a title, one plotly figure, status
table, list of key messages or bullets (a chart or table may have a text with it), the
reasoning behind each status as speaker notes, and a footer with the source and the period the
data run to. The deck holds no rendering decisions beyond that: the page draws tables as HTML
and charts with plotly.js; goals.present.pptx draws tables as native PowerPoint tables and charts
as PNG images. `presentation_figure` scales a chart's fonts for a shared screen or a slide.

What people see is the *verdict* (goals.status.verdicts): a row's ``verdict``, a roll-up's combined
``status``. Every combined status in the deck is a `goals.status.verdicts.Combined` of the report,
made by the one roll-up rule over success criterion × area rows, and is shown with the count
behind it in words (goals.status.support_text); the legend states the rule. Inequality comes
first: the key messages and the first overview slide lead with it, and every gap criterion has
a slide with the gap before → after and its 95 % uncertainty.

One home per part:

    model        Selection, Slide, Table, TableCell, Message, Deck; split_table
    selection    resolve_selection: codes, names and aliases → a Selection, or UnknownSelection
    reported     the steering groups' initiatives and assessments (goals.status.own) for slides
    cells        verdicts and initiative statuses as coloured table cells; values in words
    scope        Scope: the rows in a selection, its name, footers, reasons and roll-ups
    opening      the title slide and the key messages
    overview     the overview tables of combined verdicts
    goals        a slide (or more) per goal: its criteria and verdicts
    criteria     a chart per success criterion
    inequality   a slide per gap criterion
    initiatives  the initiatives per track
    timeline     the initiatives' work plan per track, on a time line
    method       the legend and method appendix
    profile      profile_deck: a cluster's profile as slides (members, key figures, sections)
    build        build_deck: the families in the deck's order
    figure       presentation_figure
"""

from goals.present.deck.build import build_deck
from goals.present.deck.figure import presentation_figure
from goals.present.deck.model import (
    ROWS_PER_SLIDE,
    Deck,
    Message,
    Selection,
    Slide,
    Table,
    TableCell,
    split_table,
)
from goals.present.deck.profile import profile_deck
from goals.present.deck.reported import (
    AssessmentItem,
    InitiativeItem,
    current_assessments,
    current_initiatives,
)
from goals.present.deck.selection import UnknownSelection, resolve_selection
from goals.present.style import INITIATIVE_STYLE

__all__ = [
    "INITIATIVE_STYLE",
    "ROWS_PER_SLIDE",
    "AssessmentItem",
    "Deck",
    "InitiativeItem",
    "Message",
    "Selection",
    "Slide",
    "Table",
    "TableCell",
    "UnknownSelection",
    "build_deck",
    "current_assessments",
    "current_initiatives",
    "presentation_figure",
    "profile_deck",
    "resolve_selection",
    "split_table",
]
