"""The pages' caches hold the newest data version only (goals.ui.frame.context.versioned_cache):
a write to the store – here one audit event, which changes the data version as any upload or
edit does – frees everything that was built for the older versions, however many writes there
are (a status report of the 10× benchmark store takes some 30 MB); only the newest status report
per ("as of", language) is kept until a newer one replaces it (goals.status.refresh), at most
`LatestReports.limit` of them."""

from __future__ import annotations

import gc
import weakref

from goals import access, store
from goals.ui import cluster_view, overview_view
from goals.ui.frame import context

CLUSTER = "pages/klynge.py"


def touch(url: str) -> None:
    """A tiny write: one audit event."""
    with store.write_session(store.get_engine(url)) as session:
        access.record(session, actor="test", action="test.touch")


def cached_objects() -> list[weakref.ref]:
    """What the pages have cached for the data version now held, as weak references."""
    objects = [
        context.catalogue(),
        context.status_report(None, "da"),
        context.status_report(None, "en"),
        overview_view.model(None, "da"),
        overview_view.model(None, "en"),
        overview_view.freshness(),
        cluster_view.reports("AARHUS", None),
    ]
    return [weakref.ref(o) for o in objects]


def test_a_write_frees_what_was_cached_for_the_older_data(run_app, sqlite_demo_url, monkeypatch):
    assessed: list[tuple] = []
    real_report = context.status_reports.report

    def counting_report(engine, catalogue, version, as_of=None, lang="da", **kwargs):
        assessed.append((context.current_version(), as_of, lang))
        return real_report(engine, catalogue, version, as_of, lang, **kwargs)

    monkeypatch.setattr(context.status_reports, "report", counting_report)
    at = run_app(sqlite_demo_url)  # Overblik in Danish
    at.query_params["lang"] = "en"
    at.run()  # and in English
    at.switch_page(CLUSTER)
    at.run()  # and the Klynge page (its charts and the steering groups' reports)
    assert not at.exception
    versions = [context.current_version()]
    older = cached_objects()
    assert len(assessed) == 2  # one report per language, each cached
    for _ in range(2):  # write twice: each time only the newest version stays
        touch(sqlite_demo_url)
        at.run()
        assert not at.exception
        versions.append(context.current_version())
        assert versions[-1] != versions[-2]
        gc.collect()
        # the one exception: the newest report per ("as of", language), kept to be brought up
        # to date after an upload (goals.status.refresh) – a bounded number, not one per write
        kept = {id(report) for report in context.status_reports.held()}
        assert len(kept) <= context.status_reports.limit
        alive = [
            type(ref()).__name__ for ref in older if ref() is not None and id(ref()) not in kept
        ]
        assert not alive, f"still cached for an older data version: {alive}"
        older = cached_objects()
    # each version was assessed once per language: nothing was computed twice for one version
    assert sorted(v for v, _, _ in assessed) == sorted(v for v in versions for _ in (1, 2))
    assert context.version_changes() >= 2


def test_a_run_that_read_an_older_version_is_served_but_not_kept(run_app, sqlite_demo_url):
    at = run_app(sqlite_demo_url)
    assert not at.exception
    first = context.current_version()
    touch(sqlite_demo_url)
    at.run()
    assert context.current_version() != first
    late = context._status_report(first, None, "da")  # a run that read the version just before
    assert late.rows
    ref = weakref.ref(late)
    del late
    gc.collect()
    assert ref() is None  # computed for that run, not kept
    # the newest version's report is the cached one, served again without assessing
    assert context.status_report(None, "da") is context.status_report(None, "da")


def test_an_older_read_that_finishes_late_does_not_displace_the_newer_version():
    versions = context._Versions()
    cleared: list[str] = []
    versions.on_change.append(lambda: cleared.append("cleared"))
    first, second = next(versions.tickets), next(versions.tickets)
    versions.note(("new",), second)  # the later read finished first
    versions.note(("old",), first)  # the earlier one finished late: it saw older data
    assert versions.current == ("new",)
    versions.note(("newer",), next(versions.tickets))
    assert versions.current == ("newer",)
    assert cleared == ["cleared"]  # the first version seen clears nothing; the change does
    assert versions.changes == 1


def test_a_page_run_reads_the_data_version_once(run_app, sqlite_demo_url, monkeypatch):
    from goals.store import version

    reads: list[tuple] = []
    real = version.data_version

    def counting(engine):
        reads.append(real(engine))
        return reads[-1]

    at = run_app(sqlite_demo_url)  # caches warm
    monkeypatch.setattr(version, "data_version", counting)
    at.run()
    assert not at.exception
    assert len(reads) == 1  # the page asks a dozen times: one query
    touch(sqlite_demo_url)
    at.run()
    assert len(reads) == 2 and reads[0] != reads[1]  # the next run sees the write
