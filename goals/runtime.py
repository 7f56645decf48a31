"""The Python process that runs Målbillede: one tuning of the cycle collector for both doors.

A command (``python -m goals …``) and the Streamlit server both import a few hundred modules
and then build hundreds of thousands of short-lived objects (a workbook's rows, a status
report). With Python's defaults the cycle collector walks every imported module's objects again
and again while that happens: 25–40 % of an assessment's time at the 10× benchmark store.
"""

from __future__ import annotations

import gc

#: Collect the youngest generation after this many new objects (Python's default: 700).
YOUNG_THRESHOLD = 10_000


def tune_collector() -> None:
    """Call once the modules are imported: move every object alive now out of the collector's
    reach (`gc.freeze`; modules and classes live as long as the process) and collect the young
    generation after `YOUNG_THRESHOLD` new objects. Memory stays the same (measured at the 100×
    store); assessing the 10× store takes ~0.62 s instead of ~0.8–1.0 s."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
