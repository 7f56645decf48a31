"""``goals status --json`` with the work shared across processes (goals.status.export): the
same bytes as one process writes, whatever the split, and a helper's failure is not hidden."""

from __future__ import annotations

import io
import itertools
import os

import pytest

from goals import store
from goals.status import assess, assessment, export


def _written(engine, processes: int, **kwargs) -> str:
    out = io.StringIO()
    with store.read_session(engine) as session:
        export.write_json(session, out, processes=processes, **kwargs)
    return out.getvalue()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="helpers are forked processes")
@pytest.mark.parametrize(("processes", "per_query"), [(2, 400), (3, 400), (2, 2), (4, 1)])
def test_shared_work_writes_what_one_process_writes(demo_engine, monkeypatch, processes, per_query):
    monkeypatch.setattr(export, "MIN_ROWS_TO_SHARE", 2)  # the demo's batches are small
    monkeypatch.setattr(assessment, "CRITERIA_PER_QUERY", per_query)
    alone = _written(demo_engine, 1, as_of="2023")
    assert alone == assess(engine=demo_engine, as_of="2023").to_json()
    assert _written(demo_engine, processes, as_of="2023") == alone
    assert _written(demo_engine, processes, cluster="Midtklyngen", lang="en") == _written(
        demo_engine, 1, cluster="Midtklyngen", lang="en"
    )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="helpers are forked processes")
def test_a_helper_that_fails_is_reported(demo_engine, monkeypatch):
    monkeypatch.setattr(export, "MIN_ROWS_TO_SHARE", 2)
    parent = os.getpid()
    real = export.write_row_lines

    def failing_in_helpers(rows, out, *, first):
        if os.getpid() != parent:
            raise RuntimeError("disk full")
        return real(rows, out, first=first)

    monkeypatch.setattr(export, "write_row_lines", failing_in_helpers)
    with pytest.raises(export.HelperFailed, match="disk full"):
        _written(demo_engine, 2)


def test_an_unknown_area_is_refused_before_anything_is_written(demo_engine):
    out = io.StringIO()
    with store.read_session(demo_engine) as session, pytest.raises(assessment.UnknownArea):
        export.write_json(session, out, cluster="Atlantis", processes=2)
    assert out.getvalue() == ""


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_a_split_keeps_each_criterions_areas_together(demo_engine, parts):
    from goals.catalogue import Catalogue

    with store.read_session(demo_engine) as session:
        plan = assessment.assessment_plan(Catalogue.load(session))
    runs = export._split(plan, parts)
    assert [entry for run in runs for entry in run] == plan
    assert len(runs) <= parts
    for left, right in itertools.pairwise(runs):
        assert left[-1][1].id != right[0][1].id
