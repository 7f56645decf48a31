"""Status report: the full demo report (`python -m goals report`) built end to end (bar: < 60 s).

    .venv/bin/python -m benchmarks.bench_report

The time is split into assessing the status, building the deck and its plotly figures,
rendering every chart as PNG (one browser start) and writing the PowerPoint file; the
Excel data behind it is timed too. Needs Debian's Chromium for the images.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from goals import store
from goals.catalogue import Catalogue
from goals.present.deck import Selection, build_deck
from goals.present.pptx import chart_images, deck_data_xlsx, deck_to_pptx
from goals.setup import initialise
from goals.status import assess

BAR_SECONDS = 60.0


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        initialise(url, demo=True)
        store.dispose_engines()
        engine = store.open_store(url)
        times: dict[str, float] = {}
        start = time.perf_counter()
        with store.read_session(engine) as session:
            catalogue = Catalogue.load(session)
            report = assess(session=session, catalogue=catalogue)
            times["assess (catalogue + status)"] = time.perf_counter() - start
            mark = time.perf_counter()
            deck = build_deck(
                report=report, catalogue=catalogue, selection=Selection(), session=session
            )
            for slide in deck.charts:
                slide.figure  # noqa: B018 - draw every figure now, to time it on its own
        times["deck + plotly figures"] = time.perf_counter() - mark
        mark = time.perf_counter()
        images = chart_images(deck)
        times[f"render {len(images)} PNG (one browser)"] = time.perf_counter() - mark
        mark = time.perf_counter()
        data = deck_to_pptx(deck, images=images)
        (Path(tmp) / "status.pptx").write_bytes(data)
        times["write .pptx"] = time.perf_counter() - mark
        total = time.perf_counter() - start
        mark = time.perf_counter()
        workbook = deck_data_xlsx(deck)
        xlsx_seconds = time.perf_counter() - mark
        store.dispose_engines()
    rows: list[dict[str, Any]] = [
        {"step": step, "seconds": seconds} for step, seconds in times.items()
    ]
    rows.append(
        {
            "step": f"full report: {len(deck.slides)} slides, {len(data) / 1e6:.1f} MB",
            "seconds": total,
            "bar": f"< {BAR_SECONDS:.0f} s",
            "ok": total < BAR_SECONDS,
        }
    )
    rows.append(
        {"step": f"Excel data behind it ({len(workbook) / 1e3:.0f} kB)", "seconds": xlsx_seconds}
    )
    return rows


def main() -> None:
    for row in run():
        print(row)


if __name__ == "__main__":
    main()
