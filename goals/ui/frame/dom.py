"""What Streamlit draws itself, made right in the browser: its page in the reader's language
(the ``lang`` of the document), its menu's list structure for screen readers, and the texts of
its own widgets in Danish.

Streamlit has no translations and draws the sectioned menu as a ``<ul>`` whose children are the
sections' ``<div>``s (axe-core: ``list`` and ``listitem``, WCAG 1.3.1). One small script, run
in the page itself (``st.html(..., unsafe_allow_javascript=True)``; nothing is fetched), sets
them right and keeps them so while Streamlit redraws (a MutationObserver, at most once a frame):

- ``<html lang>`` is the reader's language (WCAG 3.1.1);
- the menu: the ``<ul>`` becomes presentational and each section a list named by its heading;
- the file uploader: its button and its limit ("25MB per file • XLSX") in the reader's
  language, with the limit the widget was given;
- the select boxes' placeholders and "No results", the "Skip to main content" link, the
  "Running..." while a page works and the names of the buttons over a table or a chart (Search,
  Download as CSV, Fullscreen, Download plot as a PNG …), in the reader's language;
- a chart that scrolls sideways on a narrow screen (``st.container(key="wide-chart-…")``): a
  named region the keyboard can reach and scroll (WCAG 2.1.1; axe-core:
  ``scrollable-region-focusable``);

and Streamlit's caption grey, which fails WCAG AA contrast, is the app's darker grey.

Only the text of nodes that Streamlit drew is changed (a text node's value), never the nodes
themselves, so React's later updates land as before and are set right again.
"""

from __future__ import annotations

import json

import streamlit as st

from goals import config
from goals.i18n import format_exact, t

__all__ = ["file_uploader", "fix_streamlit_texts"]

#: Streamlit's caption grey (#31333F at 60 %: about 4.1 : 1 on white) fails WCAG AA contrast
#: for small text; the app's own secondary grey (#595959: 7 : 1), as in overview_view.note.
_STYLE = (
    "<style>[data-testid='stCaptionContainer'],[data-testid='stCaptionContainer'] *"
    "{color:#595959 !important;opacity:1 !important}</style>"
)

_SCRIPT = """
<script>
(() => {
  const lang = %(lang)s;
  const texts = %(texts)s;
  const setText = (node, text) => {
    if (node && node.nodeType === 3 && node.nodeValue !== text) node.nodeValue = text;
  };
  const textNode = (el) => el ? Array.from(el.childNodes).find(n => n.nodeType === 3) : null;
  const fix = () => {
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    const menu = document.querySelector('[data-testid="stSidebarNavItems"]');
    if (menu) {
      const sections = Array.from(menu.children).filter(c => c.tagName !== 'LI');
      if (sections.length) {
        if (menu.getAttribute('role') !== 'none') menu.setAttribute('role', 'none');
        sections.forEach(section => {
          if (section.getAttribute('role') !== 'list') section.setAttribute('role', 'list');
          const head = section.querySelector('[data-testid="stNavSectionHeader"]');
          if (head) {
            if (head.getAttribute('role') !== 'presentation') head.setAttribute('role', 'presentation');
            const name = head.textContent.trim();
            if (name && section.getAttribute('aria-label') !== name) section.setAttribute('aria-label', name);
          }
        });
      }
    }
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"]').forEach(zone => {
      const button = zone.querySelector('button [data-testid="stMarkdownContainer"] p');
      setText(textNode(button), texts.upload);
      const hint = zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
      const node = textNode(hint);
      if (node) {
        const found = node.nodeValue.match(/per file(?:\\s*•\\s*(.*))?$/);
        if (found) setText(node, texts.limit + (found[1] ? ' • ' + found[1] : ''));
      }
    });
    document.querySelectorAll('input[placeholder]').forEach(input => {
      const own = texts.placeholders[input.getAttribute('placeholder')];
      if (own) input.setAttribute('placeholder', own);
    });
    document.querySelectorAll('[data-testid="stStatusWidget"] *').forEach(el => {
      const node = textNode(el);
      if (node && /^Running/.test(node.nodeValue)) setText(node, texts.running);
    });
    document.querySelectorAll('[data-testid="stBaseButton-elementToolbar"][aria-label], .modebar-btn').forEach(b => {
      for (const name of ['aria-label', 'data-title']) {
        const own = texts.toolbar[b.getAttribute(name)];
        if (own) b.setAttribute(name, own);
      }
    });
    document.querySelectorAll('[data-testid="stTooltipContent"] *').forEach(el => {
      const node = textNode(el);
      const own = node && texts.toolbar[node.nodeValue.trim()];
      if (own) setText(node, own);
    });
    document.querySelectorAll('[class*="st-key-wide-chart"]').forEach(box => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && box.getAttribute('tabindex') !== '0') {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', texts.wide);
      } else if (!scrolls && box.hasAttribute('tabindex')) {
        ['tabindex', 'role', 'aria-label'].forEach(name => box.removeAttribute(name));
      }
    });
    document.querySelectorAll('[data-testid="stSkipToContent"]').forEach(link => {
      const node = textNode(link);
      if (node && node.nodeValue === 'Skip to main content') setText(node, texts.skip);
    });
    document.querySelectorAll('[role="listbox"] [role="option"], ul[role="listbox"] li').forEach(option => {
      const node = textNode(option);
      if (node && node.nodeValue === 'No results') setText(node, texts.no_results);
    });
  };
  fix();
  if (window.__goalsFix) { window.__goalsFix.fix = fix; return; }
  let queued = false;
  window.__goalsFix = { fix };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; window.__goalsFix.fix(); });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
</script>
"""


def fix_streamlit_texts(lang: str) -> None:
    """Run the script (see the module) in the page, in the sidebar where it takes no room."""
    # the limit as goals.workbook.upload_limit_mb says it, without loading the workbook code
    # on every page
    limit = format_exact(config.settings().upload_limit_mb, lang)
    texts = {
        "upload": t("ui.upload.button", lang),
        "limit": t("ui.upload.limit", lang, size=limit),
        "no_results": t("ui.no_results", lang),
        "skip": t("ui.skip_to_main", lang),
        "running": t("ui.running", lang),
        "wide": t("ui.wide_chart", lang),
        # the buttons over a table (their names, and the tooltips that show them)
        "toolbar": {
            english: t(f"ui.toolbar.{key}", lang)
            for key, english in (
                ("columns", "Show/hide columns"),
                ("download", "Download as CSV"),
                ("search", "Search"),
                ("fullscreen", "Fullscreen"),
                ("close", "Close fullscreen"),
                ("png", "Download plot as a PNG"),
            )
        },
        # Streamlit's default placeholders of select boxes (a page may set its own)
        "placeholders": {
            "Choose an option": t("ui.choose_one", lang),
            "Choose options": t("ui.choose_many", lang),
        },
    }
    script = _SCRIPT % {"lang": json.dumps(lang), "texts": json.dumps(texts, ensure_ascii=False)}
    st.sidebar.html(_STYLE + script, unsafe_allow_javascript=True)


def file_uploader(label: str, *, key: str, types: list[str]):
    """Streamlit's file uploader with the installation's limit (GOALS_UPLOAD_LIMIT_MB), which
    it then states ("Højst 20 MB pr. fil"); the importer checks the exact limit itself."""
    import math

    limit = math.ceil(config.settings().upload_limit_bytes / 2**20)
    return st.file_uploader(label, type=types, key=key, max_upload_size=max(limit, 1))
