"""What every page needs: the engine, the catalogue, the status report and the language.

Cached per server process and keyed on the store's *data version* (newest upload, newest audit
event, newest criterion revision), so a write made through another app instance on the same
PostgreSQL database shows up at the next rerun without any cross-instance messaging.

The caches hold the newest data version only (`versioned_cache`): when a run reads a version
not seen before, every entry built for an older one is dropped at once — a status report of
the 10× benchmark store takes some 30 MB, and a cache that kept one per write grew without end.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from goals import i18n, setup
from goals.catalogue import Catalogue
from goals.meetings import MeetingView, frozen_report, list_meetings
from goals.status import StatusReport
from goals.status.refresh import LatestReports
from goals.store import version as store_version

if TYPE_CHECKING:  # types only: pages reach the database through the core
    from sqlalchemy.engine import Engine

F = TypeVar("F", bound=Callable[..., Any])


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """The store, prepared once per server process (upgrade; demo on a new default database)."""
    return setup.prepare_app_store()


# --- the newest data version and the caches that hold it ------------------------------------


class _Versions:
    """The newest data version this process has read, and what to clear when it changes.

    Each read of the version takes a ticket before its query, so the order of the tickets is
    the order in which the database was asked: a read that started before another one's (and
    may have seen older data) never displaces the newer version."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.tickets = itertools.count(1)
        self.current: tuple | None = None
        self.ticket = 0
        self.changes = 0  # how many times a newer version replaced the one held
        self.on_change: list[Callable[[], None]] = []

    def note(self, version: tuple, ticket: int) -> None:
        with self.lock:
            if version == self.current:
                self.ticket = max(self.ticket, ticket)
                return
            if ticket < self.ticket:
                return  # an older read that finished late
            first = self.current is None
            self.current, self.ticket = version, ticket
            if first:
                return  # nothing was cached for a version yet
            self.changes += 1
            clear = list(self.on_change)
        for action in clear:
            action()


_versions = _Versions()
_run = threading.local()  # the data version read in the script run on this thread


def _this_run() -> object | None:
    """What identifies the script run on this thread: Streamlit gives each run (a rerun, a
    callback's run) a new cursor table. None outside a script run (the start-up warm-up)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    return getattr(ctx, "cursors", None) if ctx is not None else None


def data_version() -> tuple:
    """A cheap fingerprint of everything the pages show; changes with every write. A version
    newer than the one held drops every cached entry of the older ones (`versioned_cache`).
    A script run reads it once (a page asks for it a dozen times)."""
    run = _this_run()
    if run is not None and getattr(_run, "run", None) is run:
        return _run.version
    ticket = next(_versions.tickets)
    version = store_version.data_version(engine())
    _versions.note(version, ticket)
    if run is not None:
        _run.run, _run.version = run, version
    return version


def current_version() -> tuple | None:
    """The newest data version read in this process (None before the first read)."""
    return _versions.current


def version_changes() -> int:
    """How many times a newer data version has replaced the one the caches held."""
    return _versions.changes


def on_new_version(action: Callable[[], None]) -> None:
    """Call `action` whenever a newer data version is first read (to drop caches of one's own)."""
    _versions.on_change.append(action)


def versioned_cache(
    *, max_entries: int, kind: Literal["resource", "data"] = "resource"
) -> Callable[[F], F]:
    """`st.cache_resource` (or `st.cache_data`) for a function whose first argument is the
    data version, holding entries of the newest version only.

    `max_entries` bounds what legitimately varies within one version (language, "as of",
    cluster, …). When a newer version is read (`data_version`), the whole cache is cleared; a
    call with an older version – a run that read the version just before a write – is computed
    but not kept. ``.clear()`` clears the cache, as Streamlit's does."""

    def decorate(func: F) -> F:
        decorator = st.cache_resource if kind == "resource" else st.cache_data
        cached = decorator(show_spinner=False, max_entries=max_entries)(func)
        on_new_version(cached.clear)

        @functools.wraps(func)
        def call(version: tuple, *args: Any, **kwargs: Any) -> Any:
            if _versions.current is None:
                _versions.note(version, next(_versions.tickets))
            if version != _versions.current:
                return func(version, *args, **kwargs)  # an older version: not kept
            result = cached(version, *args, **kwargs)
            if version != _versions.current:  # a newer version arrived meanwhile
                cached.clear(version, *args, **kwargs)
            return result

        call.clear = cached.clear  # type: ignore[attr-defined]
        call.cached = cached  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]

    return decorate


# --- what every page reads ----------------------------------------------------------------------


@versioned_cache(max_entries=2)
def _catalogue(version: tuple) -> Catalogue:
    return Catalogue.read(engine())


def catalogue() -> Catalogue:
    return _catalogue(data_version())


@versioned_cache(max_entries=2)
def _shows_demo_data(version: tuple) -> bool:
    return setup.has_demo_values(engine())


def shows_demo_data() -> bool:
    return _shows_demo_data(data_version())


#: Two languages × the latest data and a few "as of" periods (a report of the 10× benchmark
#: store takes some 30 MB).
STATUS_REPORTS = 8

#: The newest report of the two languages, today and one "as of": after an upload, only the
#: criteria on the indicators it carried are assessed again (goals.status.refresh). These are
#: the reports the cache below holds for the current version, kept until the next one replaces
#: them.
status_reports = LatestReports(limit=4)


@versioned_cache(max_entries=STATUS_REPORTS)
def _status_report(version: tuple, as_of: str | None, lang: str) -> StatusReport:
    keep = version == _versions.current  # not a run that read the version before a write
    return status_reports.report(engine(), _catalogue(version), version, as_of, lang, keep=keep)


def status_report(as_of: str | None = None, lang: str = "da") -> StatusReport:
    """Every criterion × area assessed (see goals.status), cached until the data change; on a
    page opened with ``?meeting=N`` (a frozen meeting), the status as shown at that meeting."""
    shown = meeting()
    if shown is not None:
        return meeting_report(shown.id, lang)
    return _status_report(data_version(), as_of, i18n.language(lang))


@versioned_cache(max_entries=8)
def _frozen_meetings(version: tuple) -> dict[int, MeetingView]:
    return {m.id: m for m in list_meetings(engine=engine()) if m.frozen}


@versioned_cache(max_entries=4)
def _meeting_report(version: tuple, meeting_id: int, lang: str) -> StatusReport:
    return frozen_report(
        engine=engine(), meeting_id=meeting_id, lang=lang, catalogue=_catalogue(version)
    )


def meeting_report(meeting_id: int, lang: str) -> StatusReport:
    """The status frozen at a meeting, cached like every report."""
    return _meeting_report(data_version(), meeting_id, i18n.language(lang))


def shown_meeting_id() -> int | None:
    """The frozen meeting shown (``?meeting=N``), as a cache key beside the data version."""
    shown = meeting()
    return shown.id if shown is not None else None


def meeting() -> MeetingView | None:
    """The frozen meeting whose status this page shows (``?meeting=N``), or None for today's.
    On the Møder page the parameter picks a meeting (frozen or not) and this is not used."""
    raw = st.query_params.get("meeting")
    if not raw or not str(raw).isdigit():
        return None
    return _frozen_meetings(data_version()).get(int(raw))


def forget_cached_data() -> None:
    """Call after a write in this process so the next run reads the new state at once."""
    _run.run = None
    _catalogue.clear()
    _shows_demo_data.clear()
    _status_report.clear()  # (status_reports stays: it serves a report only for its version)
    st.cache_data.clear()


#: Where the session keeps the language chosen last (see `language`).
LANGUAGE_KEY = "chosen-language"


def language() -> str:
    """The language from the URL (?lang=en). A page reached without it – through the sidebar's
    menu, whose links drop the query – keeps the language chosen earlier in the session.
    Danish by default. (Writing ?lang back into the URL in that run would make Streamlit show
    the previous page's address, so the address keeps its own parameters only.)"""
    asked = st.query_params.get("lang")
    if asked is not None:
        lang = i18n.language(asked)
        st.session_state[LANGUAGE_KEY] = lang
        return lang
    return st.session_state.get(LANGUAGE_KEY, i18n.DEFAULT_LANGUAGE)
