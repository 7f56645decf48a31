"""Applying status workbooks to the store: all or nothing, history, the same file twice, rollback,
two uploads at once. Runs on SQLite and, with GOALS_TEST_POSTGRES_URL, on PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sys
import types

import pandas as pd
import pytest
import sqlalchemy as sa
from conftest_workbook import (
    dump,
    fixture_bytes,
    import_in_process,
    load_catalogue_snapshot,
    workbook,
)
from sqlalchemy.engine import Engine

from goals import store
from goals.store.model import Observation, Upload
from goals.store.observations import current_values, history
from goals.workbook import apply as apply_module
from goals.workbook import import_workbook, list_uploads, rollback_upload, upload_file

pytestmark = pytest.mark.store

FIRST = [
    ["RYG-01", "Midtklyngen", 2021, "I alt", "13,8"],
    ["RYG-01", "Vestklyngen", 2021, "I alt", 13.6],
    ["KOL-01", "Aarhusklyngen", "2022K3", "", 315.2, 2875, 9120],
]
SECOND = [
    ["RYG-01", "Midtklyngen", 2021, "I alt", "14,0"],  # changed
    ["RYG-01", "Vestklyngen", 2021, "I alt", 13.6],  # unchanged
    ["RYG-01", "Randersklyngen", 2021, "I alt", 14.9],  # new
]


def _current(catalogue_engine: Engine) -> pd.DataFrame:
    with store.read_session(catalogue_engine) as session:
        frame = current_values(session)
    return (
        frame.drop(columns=["id", "upload_id"])
        .sort_values(["indicator_id", "area_id", "period", "group_id"])
        .reset_index(drop=True)
    )


def _apply(catalogue_engine: Engine, rows: list[list], user: str = "anna", **kwargs) -> object:
    return import_workbook(
        engine=catalogue_engine,
        content=workbook(rows),
        filename=f"{user}.xlsx",
        user=user,
        **kwargs,
    )


def test_preview_writes_nothing_and_apply_writes_everything(catalogue_engine: Engine) -> None:
    before = dump(catalogue_engine)
    content = workbook(FIRST)
    preview = import_workbook(
        engine=catalogue_engine, content=content, filename="a.xlsx", user="anna", dry_run=True
    )
    assert preview.status == "preview"
    assert preview.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 0}
    assert dump(catalogue_engine) == before
    applied = import_workbook(
        engine=catalogue_engine,
        content=content,
        filename="a.xlsx",
        user="anna",
        confirm_sha256=preview.sha256,
    )
    assert applied.status == "applied" and applied.upload_id is not None
    assert len(_current(catalogue_engine)) == 3
    [info] = list_uploads(engine=catalogue_engine)
    assert (info.id, info.user, info.state, info.filename) == (
        applied.upload_id,
        "anna",
        "applied",
        "a.xlsx",
    )
    assert info.counts == {"new": 3, "changed": 0, "unchanged": 0, "rejected": 0}
    assert upload_file(engine=catalogue_engine, upload_id=applied.upload_id, user="anna") == (
        "a.xlsx",
        content,
    )
    assert info.sha256 == applied.sha256 == hashlib.sha256(content).hexdigest()


def test_confirm_must_match_the_previewed_file(catalogue_engine: Engine) -> None:
    before = dump(catalogue_engine)
    result = _apply(catalogue_engine, FIRST, confirm_sha256="0" * 64)
    assert result.status == "rejected"
    assert "ikke den samme som i forhåndsvisningen" in result.errors[0].message
    assert dump(catalogue_engine) == before


def test_changes_are_listed_old_to_new_and_history_is_kept(catalogue_engine: Engine) -> None:
    first = _apply(catalogue_engine, FIRST)
    result = _apply(catalogue_engine, SECOND, user="bo")
    assert result.counts == {"new": 1, "changed": 1, "unchanged": 1, "rejected": 0}
    changes = {c.subject: c for c in result.changes}
    midt = changes["RYG-01 Daglige rygere, 16+ år · Midtklyngen · 2021 · I alt"]
    assert (midt.kind, midt.old, midt.new, midt.cell) == ("changed", "13,8", "14", "Indikatorer!E2")
    randers = changes["RYG-01 Daglige rygere, 16+ år · Randersklyngen · 2021 · I alt"]
    assert (randers.kind, randers.old, randers.new) == ("new", None, "14,9")
    assert len(result.changes) == 2  # unchanged rows are not listed
    # unchanged rows write nothing: 3 + 2 observation rows in all
    with store.read_session(catalogue_engine) as session:
        assert session.exec(sa.select(sa.func.count()).select_from(Observation)).one()[0] == 5
        cat = load_catalogue_snapshot(catalogue_engine)
        old = history(
            session,
            indicator_id=cat.indicator("RYG-01").id,
            area_id=cat.area("MIDT").id,
            period="2021",
            group_id=cat.total_group.id,
        )
    assert list(old["value"]) == [14.0, 13.8]
    assert list(old["upload_id"]) == [result.upload_id, first.upload_id]


def test_same_file_twice_is_recorded_as_a_confirmation_and_changes_no_value(
    catalogue_engine: Engine,
) -> None:
    content = fixture_bytes("statusark_voksne_2022.xlsx")
    first = import_workbook(
        engine=catalogue_engine, content=content, filename="s.xlsx", user="anna"
    )
    values_before = _current(catalogue_engine)
    preview = import_workbook(
        engine=catalogue_engine, content=content, filename="s.xlsx", user="anna", dry_run=True
    )
    assert preview.duplicate_of == first.upload_id and preview.nothing_new
    assert preview.upload_id is None and "Bekræfter du" in preview.message
    again = import_workbook(
        engine=catalogue_engine, content=content, filename="s.xlsx", user="anna"
    )
    assert again.status == "applied"
    assert again.upload_id == first.upload_id + 1
    assert again.duplicate_of == first.upload_id
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 15, "rejected": 0}
    assert again.message.startswith("Intet nyt") and f"nr. {again.upload_id}" in again.message
    assert any(f"indlæsning nr. {first.upload_id}" in note for note in again.notes)
    assert _current(catalogue_engine).equals(values_before)  # no value changed
    # recorded: the upload with its archived original, an audit event, and the 15 values it
    # confirmed (linked to the stored rows, not copied)
    after = dump(catalogue_engine)
    assert [row[0] for row in after["upload"]] == [first.upload_id, again.upload_id]
    assert len(after["uploadcarried"]) == 15
    assert {row[0] for row in after["uploadcarried"]} == {again.upload_id}
    assert upload_file(engine=catalogue_engine, upload_id=again.upload_id, user="anna") == (
        "s.xlsx",
        content,
    )
    assert sum(1 for row in after["auditevent"] if "upload.applied" in row) == 2


def test_rollback_restores_exactly_the_values_replaced(catalogue_engine: Engine) -> None:
    _apply(catalogue_engine, FIRST)
    before = _current(catalogue_engine)
    second = _apply(catalogue_engine, SECOND, user="bo")
    assert not _current(catalogue_engine).equals(before)
    preview = rollback_upload(
        engine=catalogue_engine, upload_id=second.upload_id, user="carl", dry_run=True
    )
    assert preview.status == "preview" and preview.withdrawn == 2
    result = rollback_upload(engine=catalogue_engine, upload_id=second.upload_id, user="carl")
    assert result.status == "rolled_back", result.message
    pd.testing.assert_frame_equal(_current(catalogue_engine), before)
    info = next(u for u in list_uploads(engine=catalogue_engine) if u.id == second.upload_id)
    assert (info.state, info.rolled_back_by) == ("rolled_back", "carl")
    again = rollback_upload(engine=catalogue_engine, upload_id=second.upload_id, user="carl")
    assert again.status == "refused" and "allerede rullet tilbage" in again.message
    # the same file may be uploaded again after its rollback, and then applies
    reapplied = _apply(catalogue_engine, SECOND, user="bo")
    assert reapplied.counts["changed"] == 1 and reapplied.duplicate_of is None


def test_rollback_is_refused_while_a_later_upload_changed_the_same_values(
    catalogue_engine: Engine,
) -> None:
    first = _apply(catalogue_engine, FIRST)
    second = _apply(catalogue_engine, SECOND, user="bo")
    before = dump(catalogue_engine)
    refused = rollback_upload(engine=catalogue_engine, upload_id=first.upload_id, user="carl")
    assert refused.status == "refused"
    assert refused.blocked_by == (second.upload_id,)
    assert f"nr. {second.upload_id} (bo.xlsx, bo," in refused.message
    assert f"Rul nr. {second.upload_id} tilbage først" in refused.message
    assert dump(catalogue_engine) == before
    # rolling back the later one first makes the earlier one possible
    assert (
        rollback_upload(engine=catalogue_engine, upload_id=second.upload_id, user="carl").status
        == "rolled_back"
    )
    assert (
        rollback_upload(engine=catalogue_engine, upload_id=first.upload_id, user="carl").status
        == "rolled_back"
    )
    assert _current(catalogue_engine).empty


def test_rollback_of_an_unrelated_upload_is_not_blocked(catalogue_engine: Engine) -> None:
    first = _apply(catalogue_engine, FIRST)
    _apply(catalogue_engine, [["OVV-01", "Midtklyngen", 2021, "", 17.0]], user="bo")
    assert (
        rollback_upload(engine=catalogue_engine, upload_id=first.upload_id, user="c").status
        == "rolled_back"
    )
    assert rollback_upload(engine=catalogue_engine, upload_id=999, user="c").status == "refused"


def test_initiatives_and_assessments_roll_back_too(catalogue_engine: Engine) -> None:
    content = fixture_bytes("statusark_voksne_2022.xlsx")
    first = import_workbook(
        engine=catalogue_engine, content=content, filename="s.xlsx", user="anna"
    )
    book = workbook(
        [
            [
                "Færre rygere blandt borgere med kort uddannelse",
                "Midtklyngen",
                "2022",
                "Grøn",
                "Bedre",
            ]
        ],
        sheet="Vurdering",
        header=["Mål", "Område", "Periode", "Trafiklys", "Status"],
    )
    later = import_workbook(engine=catalogue_engine, content=book, filename="v.xlsx", user="bo")
    assert later.counts == {"new": 0, "changed": 1, "unchanged": 0, "rejected": 0}
    [change] = later.changes
    assert (change.old, change.new) == (
        "Gul: Rygningen falder, men forskellen mellem uddannelsesgrupperne er uændret.",
        "Grøn: Bedre",
    )
    assert (
        rollback_upload(engine=catalogue_engine, upload_id=first.upload_id, user="c").status
        == "refused"
    )
    assert (
        rollback_upload(engine=catalogue_engine, upload_id=later.upload_id, user="c").status
        == "rolled_back"
    )
    again = import_workbook(
        engine=catalogue_engine, content=content, filename="s.xlsx", user="anna", dry_run=True
    )
    assert again.counts["unchanged"] == 15


def test_failure_halfway_leaves_the_store_exactly_as_before(
    catalogue_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _apply(catalogue_engine, FIRST)
    before = dump(catalogue_engine)
    rows = [["RYG-01", area, year, "I alt", 10 + i] for i, area in enumerate(
        ["Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen", "Vestklyngen"]
    ) for year in (2015, 2016, 2017)]  # fmt: skip
    real = store.insert_rows
    sent = []

    def failing(connection, table, columns, rows):  # type: ignore[no-untyped-def]
        def then_fail():  # the driver has taken 8 rows when the disk "fills up"
            for row in rows:
                if len(sent) == 8:
                    raise RuntimeError("disk full (injected)")
                sent.append(row)
                yield row

        real(connection, table, columns, then_fail())

    monkeypatch.setattr(store, "insert_rows", failing)
    with pytest.raises(RuntimeError, match="injected"):
        _apply(catalogue_engine, rows, user="bo")
    assert len(sent) == 8
    assert dump(catalogue_engine) == before


def test_busy_store_is_a_clear_try_again(
    catalogue_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(**_kwargs):  # type: ignore[no-untyped-def]
        raise store.StoreError("The database is busy with another change; try again in a moment.")

    monkeypatch.setattr(apply_module, "commit", busy)
    before = dump(catalogue_engine)
    result = _apply(catalogue_engine, FIRST)
    assert result.status == "rejected"
    assert result.errors[0].message.startswith("Databasen er optaget af en anden indlæsning")
    assert "prøv igen" in result.errors[0].message
    assert dump(catalogue_engine) == before


def test_two_uploads_at_once_both_land_or_one_is_told_to_try_again(
    catalogue_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two processes import overlapping files at the same moment. Writes queue (SQLite's
    # BEGIN IMMEDIATE, PostgreSQL's advisory lock), so the second compares against the first.
    store_url = catalogue_engine.url.render_as_string(hide_password=False)
    store.dispose_engines()
    n = 300
    areas = ["Aarhusklyngen", "Horsensklyngen", "Midtklyngen", "Randersklyngen", "Vestklyngen"]
    # 60 keys per area within the plausible period window: 30 years × two groups
    keys = [
        (area, 1990 + i // 2, ("I alt", "Køn: Mænd")[i % 2])
        for area in areas
        for i in range(n // len(areas))
    ]
    files = {
        user: workbook([["RYG-01", a, y, g, value] for a, y, g in keys])
        for user, value in (("anna", 11.0), ("bo", 22.0))
    }
    # A spawned child re-runs the parent's __main__ file; after an AppTest in this process that
    # is a deleted Streamlit script, so give the children a __main__ with nothing to re-run.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    context = multiprocessing.get_context("spawn")
    start, queue = context.Event(), context.Queue()
    workers = [
        context.Process(target=import_in_process, args=(store_url, files[u], u, start, queue))
        for u in files
    ]
    for w in workers:
        w.start()
    start.set()
    results = [queue.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    applied = sorted((r for r in results if r["status"] == "applied"), key=lambda r: r["upload_id"])
    for r in results:
        if r["status"] == "rejected":
            assert r["errors"][0]["message"].startswith("Databasen er optaget"), r
    assert applied, results
    uploads = list_uploads(engine=catalogue_engine)
    assert sorted(u.id for u in uploads) == [r["upload_id"] for r in applied]
    assert applied[0]["counts"]["new"] == n
    if len(applied) == 2:
        # serialised: the second saw the first's values and changed every one of them
        assert applied[1]["counts"] == {"new": 0, "changed": n, "unchanged": 0, "rejected": 0}
    winner = {"anna": 11.0, "bo": 22.0}[applied[-1]["user"]]
    values = _current(catalogue_engine)
    assert len(values) == n and set(values["value"]) == {winner}
    assert json.loads(json.dumps(results))  # plain JSON both ways


def test_uploads_table_keeps_counts_and_bytes(catalogue_engine: Engine) -> None:
    result = _apply(catalogue_engine, FIRST)
    with store.read_session(catalogue_engine) as session:
        upload = session.get(Upload, result.upload_id)
        assert json.loads(upload.counts_json) == result.counts
        assert upload.size == len(upload.content)


def _two_sheet_book(first: str, second: str, rows: list[list[object]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    for i, name in enumerate((first, second)):
        ws = book.active if i == 0 else book.create_sheet()
        ws.title = name
        ws.append(["Indikator", "Område", "Periode", "Gruppe", "Værdi"])
        for row in rows[i::2]:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("second", ["Indicators", "Indikatorværdier"])
def test_the_same_key_on_two_indicator_sheets_is_rejected(
    catalogue_engine: Engine, second: str
) -> None:
    rows = [
        ["RYG-01", "Midtklyngen", 2021, "I alt", 13.8],  # Indikatorer row 2
        ["RYG-01", "Vestklyngen", 2021, "I alt", 13.6],  # second row 2
        ["RYG-01", "Aarhusklyngen", 2021, "I alt", 12.0],  # Indikatorer row 3
        ["RYG-01", "Midtklyngen", 2021, "", 14.0],  # second row 3: same key as Indikatorer!A2
    ]
    content = _two_sheet_book("Indikatorer", second, rows)
    before = dump(catalogue_engine)
    preview = import_workbook(
        engine=catalogue_engine, content=content, filename="d.xlsx", user="a", dry_run=True
    )
    assert preview.status == "rejected"
    assert [str(p) for p in preview.errors] == [
        f"{second}!A3: Rækken gentager Indikatorer!A2 (samme indikator, område, periode og "
        "gruppe). Slet den ene af de to rækker."
    ]
    result = import_workbook(engine=catalogue_engine, content=content, filename="d.xlsx", user="a")
    assert result.status == "rejected" and result.upload_id is None
    assert dump(catalogue_engine) == before


def test_a_copied_indicator_sheet_is_read_and_checked_with_the_first(
    catalogue_engine: Engine,
) -> None:
    # Excel names a copy of 'Indikatorer' 'Indikatorer (2)': its rows are read, not dropped
    rows = [
        ["RYG-01", "Midtklyngen", 2021, "I alt", 13.8],
        ["RYG-01", "Vestklyngen", 2021, "I alt", 13.6],
    ]
    content = _two_sheet_book("Indikatorer", "Indikatorer (2)", rows)
    result = import_workbook(
        engine=catalogue_engine, content=content, filename="c.xlsx", user="a", dry_run=True
    )
    assert result.errors == [] and result.counts["new"] == 2
    assert result.notes == ["Arket 'Indikatorer (2)' læses som en kopi af arket 'Indikatorer'."]
    copied = _two_sheet_book("Indikatorer", "Indikatorer (2)", [rows[0], rows[0]])
    before = dump(catalogue_engine)
    result = import_workbook(engine=catalogue_engine, content=copied, filename="c.xlsx", user="a")
    assert result.status == "rejected"
    assert [str(p) for p in result.errors] == [
        "'Indikatorer (2)'!A2: Rækken gentager Indikatorer!A2 (samme indikator, område, periode "
        "og gruppe). Slet den ene af de to rækker."
    ]
    assert dump(catalogue_engine) == before
