"""Make the 16:9 PowerPoint template of the status report: ``maalbillede-16x9.pptx``.

    .venv/bin/python data/templates/make_template.py

Run once; the result is committed and read by goals.present.pptx. It starts from python-pptx's
built-in template and keeps three layouts – "Title Slide", "Title and Subtitle" (title, a
subtitle line, room for one chart or table) and "Title and Content" – on a 13.333 × 7.5 in
slide, with Arial (Liberation Sans where Arial is missing), a calm navy/blue colour scheme from
the charts' Okabe–Ito palette, a thin navy band at the top, and footer and slide-number
placeholders at the bottom. Positions are in goals.present.pptx too (`GEOMETRY`); keep the two
in step.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

OUT = Path(__file__).with_name("maalbillede-16x9.pptx")

NAVY = "1F3A5F"
INK = "1A1A1A"
MUTED = "595959"
LIGHT = "EEF2F6"
FONT = "Arial"

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE = (MARGIN, Inches(0.28), WIDTH - 2 * MARGIN, Inches(0.75))
SUBTITLE = (MARGIN, Inches(1.02), WIDTH - 2 * MARGIN, Inches(0.5))
BODY = (MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(5.2))
FOOTER = (MARGIN, Inches(6.98), Inches(10.9), Inches(0.36))
NUMBER = (WIDTH - MARGIN - Inches(1.2), Inches(6.98), Inches(1.2), Inches(0.36))

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
COLOURS = {
    "dk1": INK,
    "lt1": "FFFFFF",
    "dk2": NAVY,
    "lt2": LIGHT,
    "accent1": "0072B2",
    "accent2": "E69F00",
    "accent3": "009E73",
    "accent4": "D55E00",
    "accent5": "CC79A7",
    "accent6": "56B4E9",
    "hlink": "0072B2",
    "folHlink": MUTED,
}


def _theme(prs: Presentation) -> None:
    """Colours and fonts of the theme (the part is plain XML bytes in python-pptx)."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f".//{{{A}}}clrScheme")
    scheme.set("name", "Målbillede")
    for name, colour in COLOURS.items():
        slot = scheme.find(f"{{{A}}}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=colour)
    fonts = root.find(f".//{{{A}}}fontScheme")
    fonts.set("name", "Målbillede")
    for kind in ("majorFont", "minorFont"):
        fonts.find(f"{{{A}}}{kind}/{{{A}}}latin").set("typeface", FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _place(shape, box) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(int(v)) for v in box)


def _list_style(shape, size: int, colour: str, *, bold: bool = False, align: str = "l") -> None:
    """Default paragraph and run properties of a placeholder, in its lstStyle."""
    body = shape._element.find(qn("p:txBody"))
    old = body.find(qn("a:lstStyle"))
    style = etree.SubElement(body, qn("a:lstStyle")) if old is None else old
    for child in list(style):
        style.remove(child)
    body.remove(style)
    body.insert(1, style)
    level = etree.SubElement(style, qn("a:lvl1pPr"), algn=align, marL="0", indent="0")
    etree.SubElement(level, qn("a:buNone"))
    run = etree.SubElement(level, qn("a:defRPr"), sz=str(size * 100), b="1" if bold else "0")
    fill = etree.SubElement(run, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=colour)
    etree.SubElement(run, qn("a:latin"), typeface=FONT)


def _anchor(shape, anchor: str) -> None:
    body_pr = shape._element.find(qn("p:txBody")).find(qn("a:bodyPr"))
    body_pr.set("anchor", anchor)
    body_pr.set("lIns", "0")
    body_pr.set("rIns", "0")


_SCRATCH = Presentation()


def _rectangle(owner, box, colour: str, name: str):
    """A filled rectangle without outline or shadow, behind the placeholders of `owner` (a
    master or layout; python-pptx adds shapes only to slides, so it is drawn on a scratch slide
    and its XML moved)."""
    slide = _SCRATCH.slides.add_slide(_SCRATCH.slide_layouts[6])
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box)
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(colour)
    shape.line.fill.background()
    shape.shadow.inherit = False
    element = copy.deepcopy(shape._element)
    tree = owner.shapes._spTree
    # a shape id unique within the master or layout (PowerPoint repairs files with duplicates)
    used = {int(e.get("id")) for e in tree.iter(qn("p:cNvPr"))}
    element.find(qn("p:nvSpPr")).find(qn("p:cNvPr")).set("id", str(max(used | {1}) + 1))
    tree.insert(2, element)  # after the group properties: behind everything else
    return element


def _add_subtitle_placeholder(layout) -> None:
    """A body placeholder (idx 13) for the subtitle line under the title."""
    title = next(ph for ph in layout.placeholders if ph.placeholder_format.idx == 0)
    sp = copy.deepcopy(title._element)
    nv = sp.find(qn("p:nvSpPr"))
    nv.find(qn("p:cNvPr")).set("id", "20")
    nv.find(qn("p:cNvPr")).set("name", "Subtitle")
    ph = nv.find(qn("p:nvPr")).find(qn("p:ph"))
    ph.set("type", "body")
    ph.set("idx", "13")
    ph.set("sz", "quarter")
    title._element.addnext(sp)
    shape = next(p for p in layout.placeholders if p.placeholder_format.idx == 13)
    _place(shape, SUBTITLE)
    _list_style(shape, 18, MUTED)
    _anchor(shape, "t")
    shape.text_frame.text = "Undertitel"


def main() -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    _theme(prs)
    master = prs.slide_master
    keep = {"Title Slide", "Title and Content", "Title Only"}
    for layout in list(master.slide_layouts):
        if layout.name not in keep:
            master.slide_layouts.remove(layout)

    # the master: a navy band at the top, a hairline above the footer, every placeholder placed
    _rectangle(master, (0, 0, WIDTH, Inches(0.12)), NAVY, "Band")
    _rectangle(master, (MARGIN, Inches(6.9), WIDTH - 2 * MARGIN, Emu(9525)), "C9D1DB", "Rule")
    for ph in master.placeholders:
        kind = ph.placeholder_format.type
        name = ph.name.lower()
        if name.startswith("title"):
            _place(ph, TITLE)
            _anchor(ph, "b")
        elif name.startswith("text"):
            _place(ph, BODY)
        elif name.startswith("footer"):
            _place(ph, FOOTER)
            _list_style(ph, 12, MUTED)
            _anchor(ph, "ctr")
        elif name.startswith("slide number"):
            _place(ph, NUMBER)
            _list_style(ph, 12, MUTED, align="r")
            _anchor(ph, "ctr")
        elif name.startswith("date"):
            ph._element.getparent().remove(ph._element)
        del kind
    # the master's text styles: navy bold titles, ink body text
    styles = master._element.find(qn("p:txStyles"))
    title_run = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr")).find(qn("a:defRPr"))
    title_run.set("sz", "3000")
    title_run.set("b", "1")
    for fill in title_run.findall(qn("a:solidFill")):
        title_run.remove(fill)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=NAVY)
    title_run.insert(0, fill)
    styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr")).set("algn", "l")
    body_style = styles.find(qn("p:bodyStyle"))
    for level, size in (("a:lvl1pPr", 2000), ("a:lvl2pPr", 1800), ("a:lvl3pPr", 1600)):
        body_style.find(qn(level)).find(qn("a:defRPr")).set("sz", str(size))

    for layout in master.slide_layouts:
        for ph in list(layout.placeholders):
            idx = ph.placeholder_format.idx
            if idx == 10:  # date
                ph._element.getparent().remove(ph._element)
            elif idx == 11:
                _place(ph, FOOTER)
            elif idx == 12:
                _place(ph, NUMBER)
        if layout.name == "Title Slide":
            # a calm navy page with the title in white; the master's band and rule are hidden
            layout._element.set("showMasterSp", "0")
            _rectangle(
                layout, (MARGIN, Inches(4.35), Inches(1.6), Inches(0.08)), "56B4E9", "Accent"
            )
            _rectangle(layout, (0, 0, WIDTH, HEIGHT), NAVY, "Cover")  # inserted last: lowest
            for ph in layout.placeholders:
                idx = ph.placeholder_format.idx
                if idx == 0:
                    _place(ph, (MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(2.6)))
                    _list_style(ph, 48, "FFFFFF", bold=True)
                    _anchor(ph, "b")
                elif idx == 1:
                    _place(ph, (MARGIN, Inches(4.6), WIDTH - 2 * MARGIN, Inches(1.9)))
                    _list_style(ph, 22, "DCE6F0")
                    _anchor(ph, "t")
                elif idx == 11:
                    _list_style(ph, 12, "B8C7D9")
                elif idx == 12:
                    _list_style(ph, 12, "B8C7D9", align="r")
        elif layout.name == "Title Only":
            layout.name = "Title and Subtitle"
            for ph in layout.placeholders:
                if ph.placeholder_format.idx == 0:
                    _place(ph, TITLE)
            _add_subtitle_placeholder(layout)
        elif layout.name == "Title and Content":
            for ph in layout.placeholders:
                idx = ph.placeholder_format.idx
                if idx == 0:
                    _place(ph, TITLE)
                elif idx == 1:
                    _place(ph, BODY)
    prs.core_properties.title = "Målbillede"
    prs.core_properties.author = "Målbillede"
    prs.core_properties.subject = "Status for de fælles mål"
    prs.save(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
