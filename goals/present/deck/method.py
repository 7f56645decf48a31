"""The appendix: one plain slide, "Sådan læser du farverne" (what each verdict means, best
first, and the one roll-up rule), with how a status is worked out in its notes."""

from __future__ import annotations

from goals.i18n import t
from goals.present.deck.model import Slide, Table, TableCell
from goals.present.deck.scope import Scope
from goals.present.style import STATUS_STYLE
from goals.status import status_label
from goals.status.verdicts import VERDICTS


def method_slides(scope: Scope) -> list[Slide]:
    """The legend: every verdict, best first, and the one roll-up rule."""
    lang = scope.lang
    rows = []
    for verdict in VERDICTS:
        style = STATUS_STYLE[verdict]
        cell = TableCell(
            status_label(verdict, lang),
            fill=style.colour,
            status=verdict,
            bold=True,
            icon=style.icon,
            ink=style.ink,
        )
        rows.append((cell, TableCell(t(f"report.method.meaning.{verdict}", lang))))
    footer = scope.footer(t("report.source.method", lang), None)
    rule = t("status.rollup.rule", lang)
    how = [
        t(f"report.method.{k}", lang)
        for k in ("rate", "ratio", "certainty", "relative", "gap", "rollup", "comparison")
    ]
    # One plain slide: the colours and what each means, and the one roll-up rule; how a status
    # is worked out is in the speaker's notes, in the same plain words.
    legend = Slide(
        kind="method",
        key="method-statuses",
        title=t("report.method.title", lang),
        subtitle=t("report.method.statuses.subtitle", lang),
        table=Table(
            columns=(t("report.col.status", lang), t("report.col.meaning", lang)),
            rows=tuple(rows),
            widths=(1.0, 2.6),
        ),
        text=rule,
        notes="\n".join(
            [
                *(
                    f"{status_label(v, lang)}: {t(f'report.method.meaning.{v}', lang)}"
                    for v in VERDICTS
                ),
                "",
                rule,
                "",
                t("report.method.how.title", lang),
                *how,
            ]
        ),
        footer=footer,
    )
    return [legend]
