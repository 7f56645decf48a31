"""Every coloured cell of the demo front page follows the one roll-up rule, proved from the rows.

The rule is written here again, independently of goals.status.verdicts.combine: sort the success
criterion × area rows' verdicts best → worst (goals.status.verdicts.VERDICTS), and the combined verdict
is the one at position ⌊n/2⌋ + 1; the count its sentence names is the rows at that verdict or
better (for "deterioration" and "not available": the rows with that verdict). Then every cell
drawn on the page — cluster × track, the social inequality column, the cluster totals, the track
totals, the region and its inequality cell, the headline and the cluster cards — is read back
from the rendered HTML and checked against it: the badge's verdict, its fill and text colour
(goals.present.style.STATUS_STYLE), the sentence beside it (goals.status.support_text) and the chips.

`page_problems` returns what is wrong rather than asserting, so the last tests can show that it
notices a wrong colour, a wrong verdict, a wrong count and a missing cell.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from goals import store
from goals.catalogue import Catalogue
from goals.i18n import t
from goals.present.style import STATUS_STYLE
from goals.status import StatusReport, assess, key_messages, support_text
from goals.status.overview import GridModel, grid_model
from goals.status.progress import roll_up
from goals.status.verdicts import VERDICTS

WORST = ("deterioration", "not_available")
CLUSTERS = ("AARHUS", "HORSENS", "MIDT", "RANDERS", "VEST")
TRACKS = ("KOL", "DIA", "PSY")
COLUMNS = ("inequality", *TRACKS, "all")
ROWS = (*CLUSTERS, "region")


# --- the rule, written again -----------------------------------------------------------------


def rule(verdicts: list[str]) -> tuple[str, int, int]:
    """(combined verdict, the count its sentence names, n): the verdict at position
    ⌊n/2⌋ + 1 of the verdicts sorted best → worst."""
    ordered = sorted(verdicts, key=VERDICTS.index)
    n = len(ordered)
    verdict = ordered[(n // 2 + 1) - 1]
    if verdict in WORST:
        k = ordered.count(verdict)
    else:
        k = sum(1 for v in ordered if VERDICTS.index(v) <= VERDICTS.index(verdict))
    return verdict, k, n


def test_the_rule_written_here_on_small_cases():
    assert rule(["target_achieved"]) == ("target_achieved", 1, 1)
    # half is not more than half: two of four achieved is not enough for "achieved"
    assert rule(["target_achieved", "target_achieved", "uncertain", "uncertain"]) == (
        "uncertain",
        4,
        4,
    )
    assert rule(["deterioration", "on_track", "target_achieved"]) == ("on_track", 2, 3)
    assert rule(["deterioration", "deterioration", "on_track"]) == ("deterioration", 2, 3)
    assert rule(["not_available", "not_available", "deterioration", "deterioration"]) == (
        "not_available",
        2,
        4,
    )
    assert rule(["limited_progress", "needs_acceleration", "uncertain"]) == (
        "limited_progress",
        2,
        3,
    )


def expected_cells(report: StatusReport) -> dict[str, list[str]]:
    """'AARHUS/KOL', 'VEST/inequality', 'MIDT/all', 'region/DIA', 'region/all', … → the verdicts
    of the rows the cell covers, grouped here from the rows themselves."""
    cells: dict[str, list[str]] = defaultdict(list)
    for row in report.rows:
        if row.area not in CLUSTERS:
            continue
        columns = [row.track, "all"] + (["inequality"] if row.gap else [])
        for where in (row.area, "region"):
            for column in columns:
                cells[f"{where}/{column}"].append(row.verdict)
    return cells


# --- reading the rendered page back ----------------------------------------------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def all_text(self) -> str:
        out = "".join(self.text)
        return out + "".join(c.all_text() for c in self.children)

    def find(self, css_class: str) -> list[Node]:
        found = [self] if css_class in self.classes else []
        for child in self.children:
            found += child.find(css_class)
        return found

    def style(self) -> dict[str, str]:
        parts = (p.split(":", 1) for p in self.attrs.get("style", "").split(";") if ":" in p)
        return {k.strip().lower(): v.strip().upper() for k, v in parts}

    def verdict(self) -> str | None:
        """The verdict a badge is drawn for (its goals-<verdict> class)."""
        named = [c[len("goals-") :] for c in self.classes if c[len("goals-") :] in VERDICTS]
        return named[0] if len(named) == 1 else None


class _Parser(HTMLParser):
    VOID = {"br", "img", "hr", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.stack[-1].text.append(data)


def parse(markup: str) -> Node:
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    return parser.root


def badge_problems(root: Node) -> list[str]:
    """Every badge and chip: the fill and text colour of its verdict (STATUS_STYLE)."""
    problems = []
    badges = root.find("goals-badge")
    for badge in badges:
        verdict = badge.verdict()
        if verdict is None:
            continue  # e.g. a comparison badge: not a verdict
        style = STATUS_STYLE[verdict]
        colours = badge.style()
        if colours.get("background") != style.colour.upper():
            problems.append(f"{verdict} badge filled {colours.get('background')}")
        if colours.get("color") != style.ink.upper():
            problems.append(f"{verdict} badge written in {colours.get('color')}")
        if not badge.find("goals-icon"):
            problems.append(f"{verdict} badge has no SVG symbol")
    return problems


def page_problems(markdown: list[str], report: StatusReport, lang: str) -> tuple[list[str], int]:
    """(what is wrong, how many cells were checked) on the rendered overview."""
    root = parse("\n".join(markdown))
    problems = badge_problems(root)
    expected = expected_cells(report)
    drawn: dict[str, list[Node]] = defaultdict(list)
    for node in root.find("ov-cell"):
        drawn[node.attrs.get("data-cell", "")].append(node)
    wanted = {f"{r}/{c}" for r in ROWS for c in COLUMNS}
    if set(drawn) != wanted:
        problems.append(f"cells drawn {sorted(set(drawn) ^ wanted)} differ from the grid")
    combined = {
        **{f"{a}/{tr}": c for (tr, a), c in report.track_area.items()},
        **{f"{a}/inequality": c for a, c in report.inequality.items()},
        **{f"{a}/all": c for a, c in report.cluster.items()},
        **{f"region/{tr}": c for tr, c in report.region_track.items()},
        "region/inequality": report.region_inequality,
        "region/all": report.region,
    }
    checked = 0
    for key in sorted(wanted):
        nodes = drawn.get(key, [])
        if len(nodes) != 1:
            problems.append(f"{key}: drawn {len(nodes)} times")
            continue
        cell = nodes[0]
        checked += 1
        if key not in expected:
            if "ov-cell-badge" in {c for n in cell.children for c in n.classes}:
                problems.append(f"{key}: a verdict for a cell without rows")
            continue
        verdict, k, n = rule(expected[key])
        sentence = t(f"status.support.{verdict}", lang, k=k, n=n)
        badge = [b for b in cell.find("goals-badge") if "small" not in b.classes]
        if len(badge) != 1 or badge[0].verdict() != verdict:
            shown = [b.verdict() for b in badge]
            problems.append(f"{key}: badge {shown}, the rule gives {verdict}")
        if cell.attrs.get("data-status") != verdict:
            problems.append(f"{key}: marked {cell.attrs.get('data-status')}, rule {verdict}")
        counts = [c.all_text().strip() for c in cell.find("ov-counts")]
        if counts != [sentence]:
            problems.append(f"{key}: says {counts}, the rule gives {sentence!r}")
        if counts != [support_text(combined[key], lang)]:
            problems.append(f"{key}: says {counts}, support_text says otherwise")
        chips = Counter()
        for chip in cell.find("goals-badge"):
            if "small" in chip.classes:
                number = "".join(chip.text).strip()
                chips[chip.verdict()] += int(number) if number.isdigit() else -999
        if chips != Counter(expected[key]):
            problems.append(f"{key}: chips {dict(chips)}, rows {dict(Counter(expected[key]))}")
    # the headline is the region's combined verdict, with the same sentence
    region, k, n = rule(expected["region/all"])
    heads = root.find("ov-headline")
    if len(heads) != 1:
        problems.append(f"{len(heads)} headlines")
    else:
        badge = heads[0].find("goals-badge")
        if [b.verdict() for b in badge] != [region]:
            problems.append(f"headline badge {[b.verdict() for b in badge]}, rule {region}")
        if t(f"status.support.{region}", lang, k=k, n=n) not in heads[0].all_text():
            problems.append(f"headline says {heads[0].all_text()!r}")
    # each cluster card: the cluster's verdict over all its rows, with the same sentence
    cards = {card.attrs.get("data-cluster"): card for card in root.find("cluster-card-status")}
    if sorted(cards) != sorted(CLUSTERS):
        problems.append(f"cluster cards with a status: {sorted(cards)}")
    for code, card in cards.items():
        verdict, k, n = rule(expected.get(f"{code}/all", []) or ["not_available"])
        if [b.verdict() for b in card.find("goals-badge")] != [verdict]:
            problems.append(f"card {code}: badge is not {verdict}")
        said = [c.all_text() for c in card.find("cluster-card-counts")]
        if said != [t(f"status.support.{verdict}", lang, k=k, n=n)]:
            problems.append(f"card {code}: says {said}")
    return problems, checked


# --- the demo ------------------------------------------------------------------------------


def rendered(run_app, url: str, lang: str, as_of: str | None):
    query = {"lang": lang} if lang != "da" else {}
    if as_of:
        query["as_of"] = as_of
    at = run_app(url, **query)
    assert not at.exception
    report = assess(engine=store.open_store(url), as_of=as_of, lang=lang)
    return [m.value for m in at.markdown], report


@pytest.mark.parametrize(("lang", "as_of"), [("da", None), ("en", None), ("da", "2022")])
def test_every_cell_of_the_demo_overview_follows_the_rule(run_app, sqlite_demo_url, lang, as_of):
    markdown, report = rendered(run_app, sqlite_demo_url, lang, as_of)
    problems, checked = page_problems(markdown, report, lang)
    assert problems == []
    # 5 clusters and the region × (inequality, 3 tracks, all tracks): nothing skipped
    assert checked == 30
    # and the demo is not trivially uniform: several verdicts, and cells whose colour the old
    # front page (the band of the mean Open SDG score) would have got wrong
    cells = expected_cells(report)
    assert len({rule(v)[0] for v in cells.values()}) >= (3 if as_of is None else 2)
    rows: dict[str, list] = defaultdict(list)
    for row in report.rows:
        rows[f"{row.area}/{row.track}"].append(row.measure)
    assert any(roll_up(rows[key]).status != rule(cells[key])[0] for key in rows)


def test_the_key_messages_come_from_the_verdicts(run_app, sqlite_demo_url):
    markdown, report = rendered(run_app, sqlite_demo_url, "da", None)
    with store.read_session(store.open_store(sqlite_demo_url)) as session:
        cat = Catalogue.load(session)
    wanted = key_messages(report, cat, "da")
    assert 2 <= len(wanted) <= 3
    root = parse("\n".join(markdown))
    lines = root.find("ov-message")
    for line, message in zip(lines, wanted, strict=True):
        assert line.attrs["data-status"] == message.status
        assert [b.verdict() for b in line.find("goals-badge")] == [message.status]
        assert message.text in line.all_text()
    # each message agrees with the cells it speaks of: k of n clusters share the verdict
    cells = expected_cells(report)
    for message in wanted:
        column = message.track or "inequality"
        shared = [rule(cells[f"{c}/{column}"])[0] for c in CLUSTERS]
        assert shared.count(message.status) == message.k and message.n == len(CLUSTERS)


@pytest.mark.parametrize(("lang", "as_of"), [("da", None), ("en", "2022")])
def test_the_grid_model_is_the_rule_without_streamlit(sqlite_demo_url, lang, as_of):
    """goals.status.overview.grid_model, the page's numbers, follows the rule cell by cell, and
    the overview module draws that very model."""
    engine = store.open_store(sqlite_demo_url)
    with store.read_session(engine) as session:
        cat = Catalogue.load(session)
        report = assess(session=session, catalogue=cat, as_of=as_of, lang=lang)
    grid = grid_model(report, cat, lang)
    assert [code for code, _ in grid.clusters] == list(CLUSTERS)
    assert [key for key, _ in grid.columns(lang)] == list(COLUMNS)
    cells = expected_cells(report)
    for row in ROWS:
        for column in COLUMNS:
            combined = grid.cell(row, column)
            assert combined is not None, (row, column)
            assert (combined.status, combined.support, combined.n) == rule(
                cells[f"{row}/{column}"]
            ), (row, column)
    assert grid.n == len(cells["region/all"])
    assert grid.messages == key_messages(report, cat, lang)
    assert grid.has_values and grid.periods == sorted(grid.periods, reverse=True)

    from goals.ui import overview_view

    assert overview_view.GridModel is GridModel and overview_view.grid_model is grid_model


# --- the checker can fail ------------------------------------------------------------------


def test_the_checker_notices_what_is_wrong(run_app, sqlite_demo_url):
    markdown, report = rendered(run_app, sqlite_demo_url, "da", None)
    assert page_problems(markdown, report, "da")[0] == []
    page = "\n".join(markdown)
    start = page.index('data-cell="AARHUS/KOL"')
    cell_end = page.index('<div class="ov-cell"', start + 1)
    cell = page[start:cell_end]
    verdict = rule(expected_cells(report)["AARHUS/KOL"])[0]
    other = next(v for v in VERDICTS if v != verdict)
    style, wrong = STATUS_STYLE[verdict], STATUS_STYLE[other]

    def problems_with(new_cell: str) -> list[str]:
        return page_problems([page[:start] + new_cell + page[cell_end:]], report, "da")[0]

    # a wrong fill colour for the verdict
    assert problems_with(cell.replace(f"background:{style.colour}", f"background:{wrong.colour}"))
    # a badge of another verdict (colour, class and words all consistent, but not the rule's)
    badge_from, badge_to = f"goals-badge goals-{verdict}", f"goals-badge goals-{other}"
    assert problems_with(
        cell.replace(badge_from, badge_to, 1).replace(
            f"background:{style.colour};color:{style.ink}",
            f"background:{wrong.colour};color:{wrong.ink}",
            1,
        )
    )
    # a count that does not follow from the rows
    sentence = support_text(report.track_area[("KOL", "AARHUS")], "da")
    assert problems_with(cell.replace(sentence, sentence.replace("af", "af 1", 1)))
    # a cell left out
    assert problems_with("")
    # a symbol drawn as a font character instead of SVG
    assert badge_problems(
        parse(
            f'<span class="goals-badge goals-{verdict}" style="background:'
            f'{style.colour};color:{style.ink}">{style.icon} x</span>'
        )
    )
