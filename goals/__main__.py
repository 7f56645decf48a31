"""``python -m goals``: see goals.cli.

When the command is done, the process ends at once: the answer is printed and flushed, the
database connections are closed, and the objects the command built (100,000 rows of a
workbook, a status report) are left to the operating system instead of being freed one by one
by the interpreter's shutdown, which took ~0.3 s after a large import.
"""

import os
import sys

from goals.cli import main


def _finish(code: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (`… | head`): nothing more to say
        pass
    store = sys.modules.get("goals.store")
    if store is not None:
        store.dispose_engines()
    os._exit(code)


_finish(main())
