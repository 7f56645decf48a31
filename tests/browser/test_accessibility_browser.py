"""Every page in a real browser, in Danish and in English, reached through the menu as a reader
reaches it: no axe-core violation at WCAG 2.1 A/AA (axe-core from the npm registry, installed
by `npm ci` from package.json; nothing is fetched at run time), the document's language is the
reader's, and no English text of Streamlit's own stays in the Danish pages."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import assert_no_exception, wait_for_app
from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Every page with the address a reader follows to it (every page shows content on the demo).
PAGES = [
    "/",
    "/klynge?cluster=MIDT",
    "/klyngeprofil?cluster=MIDT",
    "/maal?goal=KOL-1",
    "/indikatorer",
    "/arbejdsplan",
    "/oekonomi",
    "/indlaes",
    "/praesentation",
    "/moeder",
    "/admin",
]
#: Streamlit's own English texts, which a Danish page must not show.
STREAMLIT_ENGLISH = re.compile(
    r"\b(Upload|Browse files|Drag and drop|per file|Choose an option|Choose options|"
    r"No results|Press Enter to apply|Skip to main content|Download as CSV|Show/hide columns|"
    r"Fullscreen|Search|Download plot)\b"
)
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_script() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (README's test command does)")
    return AXE.read_text(encoding="utf-8")


def _violations(page, axe_script: str) -> list[str]:
    page.add_script_tag(content=axe_script)
    found = page.evaluate(
        "async (rules) => (await axe.run(document, {runOnly: {type: 'tag', values: rules}}))"
        ".violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' '))"
        ".join(' | '))",
        RULES,
    )
    return list(found)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_page_passes_axe_in_both_languages(demo_server, page, axe_script, lang):
    # the front page first: from there the menu is Streamlit's sectioned navigation
    page.goto(f"{demo_server.url}/?lang={lang}")
    wait_for_app(page)
    found: dict[str, list[str]] = {}
    for path in PAGES:
        joiner = "&" if "?" in path else "?"
        page.goto(f"{demo_server.url}{path}{joiner}lang={lang}")
        wait_for_app(page)
        assert_no_exception(page, demo_server)
        page.wait_for_timeout(200)  # the page's script sets the document's language
        assert page.evaluate("document.documentElement.lang") == lang, path
        violations = _violations(page, axe_script)
        if violations:
            found[path] = violations
        if lang == "da":
            text = (
                page.locator("body").inner_text()
                + "\n"
                + page.evaluate(
                    "Array.from(document.querySelectorAll('[placeholder], [aria-label], [data-title]'))"
                    ".map(e => ['placeholder', 'aria-label', 'data-title']"
                    ".map(n => e.getAttribute(n) || '').join(' ')).join('\\n')"
                )
            )
            english = sorted(set(STREAMLIT_ENGLISH.findall(text)))
            assert not english, f"{path}: Streamlit's English in the Danish page: {english}"
    assert not found, found
    assert not page.errors


def test_the_upload_field_states_the_configured_limit_in_danish(demo_server, page):
    page.goto(f"{demo_server.url}/indlaes")
    wait_for_app(page)
    zone = page.locator("[data-testid='stFileUploaderDropzone']")
    zone.get_by_text("Vælg fil").wait_for()
    assert "Højst 20 MB pr. fil" in zone.inner_text()
    assert "25MB" not in zone.inner_text()
