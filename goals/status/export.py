"""``goals status --json``: every row written as it is assessed, the work shared across cores.

The rows come in batches (`goals.status.assessment.assessed_batches`): the parent reads a
batch's values in its one read transaction, so every row is assessed on the same snapshot of
the store. Assessing and encoding the rows is pure Python and takes three quarters of the
time; on a machine with more than one core, a large batch is split at a criterion boundary and
its later parts are assessed by forked helper processes (they inherit the values read, and never
touch the database) into temporary files, while the parent assesses and writes the first part.
Meanwhile the parent reads the next batch's values. The parts are then written in order, so
the output is byte for byte what one process writes. Memory stays bounded: two batches in the
parent, one part in each helper.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from sqlmodel import Session

from goals.status.assessment import Batch, Plan, assessed_batches
from goals.status.report import StatusRow, write_row_lines

__all__ = ["MIN_ROWS_TO_SHARE", "helpers_available", "write_json"]

#: Below this many rows in a batch, forking costs more than it saves.
MIN_ROWS_TO_SHARE = 600
MAX_PROCESSES = 4


class HelperFailed(RuntimeError):
    """A helper process did not finish its part (its error is in the message)."""


def helpers_available() -> int:
    """How many processes may assess at once: the cores this process may use (at most
    MAX_PROCESSES), or 1 where processes cannot be forked."""
    if not hasattr(os, "fork"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES))


def write_json(
    session: Session,
    out: TextIO,
    *,
    as_of: str | None = None,
    cluster: str | None = None,
    lang: str = "da",
    processes: int | None = None,
) -> None:
    """Write the rows of `assess_rows` as a JSON list, one object per line.

    processes: how many processes assess a batch (default `helpers_available()`); 1 writes
    everything from this process. Raises what `assess_rows` raises, before anything is written.
    """
    batches = assessed_batches(session=session, as_of=as_of, cluster=cluster, lang=lang)
    processes = helpers_available() if processes is None else max(1, processes)
    out.write("[")
    first = True
    batch = next(batches, None)
    while batch is not None:
        parts = _split(batch.plan, processes if len(batch.plan) >= MIN_ROWS_TO_SHARE else 1)
        if len(parts) == 1:
            first = write_row_lines(batch.rows(batch.plan), out, first=first)
            batch = next(batches, None)
            continue
        # while the helpers assess, this process reads the next batch's values
        first, batch = _shared(session, batch.rows, parts, out, first, lambda: next(batches, None))
    out.write("]\n" if first else "\n]\n")


def _split(plan: Plan, parts: int) -> list[Plan]:
    """The plan in `parts` runs of about equal length, each criterion's areas in one run."""
    if parts <= 1 or len(plan) < 2:
        return [plan]
    size = -(-len(plan) // parts)
    runs: list[Plan] = []
    start = 0
    while start < len(plan):
        end = min(start + size, len(plan))
        while end < len(plan) and plan[end][1].id == plan[end - 1][1].id:
            end += 1  # keep a criterion's areas together (its prepared form is shared)
        runs.append(plan[start:end])
        start = end
    return runs


def _shared(
    session: Session,
    assess: Callable[[Plan], Iterator[StatusRow]],
    parts: list[Plan],
    out: TextIO,
    first: bool,
    meanwhile: Callable[[], Batch | None],
) -> tuple[bool, Batch | None]:
    """Assess `parts[1:]` in forked helpers and `parts[0]` here, calling `meanwhile` (the next
    batch's read) between; write them in order. Returns (nothing written yet, meanwhile's)."""
    with tempfile.TemporaryDirectory(prefix="goals-status-") as folder:
        out.flush()  # a helper inherits this process's buffers; nothing may be written twice
        gc.freeze()  # the collector then leaves the inherited objects' pages unwritten
        helpers = [
            (_fork(session, assess, part, Path(folder) / f"part-{i}"), i)
            for i, part in enumerate(parts[1:], 1)
        ]
        try:
            upcoming = meanwhile()
            first = write_row_lines(assess(parts[0]), out, first=first)
        finally:
            results = [(os.waitpid(pid, 0)[1], i) for pid, i in helpers]
            gc.unfreeze()
        for status, i in results:
            path = Path(folder) / f"part-{i}"
            if os.waitstatus_to_exitcode(status) != 0:
                detail = path.with_suffix(".error")
                reason = detail.read_text("utf-8") if detail.exists() else "no message"
                raise HelperFailed(f"status: a helper process failed: {reason.strip()[-500:]}")
            if path.stat().st_size:  # its lines, the first led by "\n": add the comma
                out.write("" if first else ",")
                with path.open(encoding="utf-8") as part:
                    shutil.copyfileobj(part, out)
                first = False
    return first, upcoming


def _fork(
    session: Session, assess: Callable[[Plan], Iterator[StatusRow]], part: Plan, path: Path
) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:  # the helper: assess its part, write it, and leave without running any clean-up
        # Never touch the parent's database connection: a lazy load would fail loudly here.
        session.expunge_all()
        with path.open("w", encoding="utf-8") as f:  # its first line led by "\n" only
            write_row_lines(assess(part), f, first=True)
        code = 0
    except BaseException:  # noqa: BLE001 - reported to the parent through the file
        with path.with_suffix(".error").open("w", encoding="utf-8") as f:
            f.write(traceback.format_exc())
    finally:
        os._exit(code)
