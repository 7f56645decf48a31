"""The newest status report per "as of" and language, brought up to date after a change.

A director's first view after a steering group's upload should not wait for every criterion to
be assessed again: an upload changes the values of the indicators it carries, and only the
criteria that follow those indicators can change (a criterion reads its own indicator's values
in its areas and the region's, nothing else). `LatestReports` keeps the newest report of each
("as of", language) with the data version and the catalogue fingerprint it was made from; for a
newer version it asks the store what changed (goals.store.version.values_changed) and, when
only uploads and rollbacks did and the catalogue is the same, reassesses just those criteria
(goals.status.assessment.reassess). Anything else — a catalogue edit, a new criterion
revision, a new day — means a full assessment. Either way the report is the one `assess` gives (tests compare them).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from sqlalchemy.engine import Engine

from goals.catalogue import Catalogue
from goals.i18n import language
from goals.status.assessment import assess, reassess
from goals.status.report import StatusReport
from goals.store import read_session
from goals.store.version import values_changed

__all__ = ["LatestReports"]


class LatestReports:
    """The newest report per ("as of", language), at most `limit` of them (least recently
    asked for dropped first). Safe to share between threads (each Streamlit session is one)."""

    def __init__(self, limit: int = 8) -> None:
        self.limit = limit
        self._held: OrderedDict[tuple, tuple[tuple, str, StatusReport]] = OrderedDict()
        self._lock = threading.Lock()
        self.reassessed = 0  # how many reports were brought up to date rather than made anew

    def report(
        self,
        engine: Engine,
        catalogue: Catalogue,
        version: tuple,
        as_of: str | None = None,
        lang: str = "da",
        *,
        keep: bool = True,
    ) -> StatusReport:
        """The report of `catalogue` and the store at `version` (read just before). `keep`:
        hold it as the newest (False for a run that read a version the store has since left,
        which the caller knows from the order of its reads: goals.ui.frame.context)."""
        # the store too: a process may serve more than one (the tests do), and two stores
        # can have equal versions and catalogues but different values
        key = (engine.url.render_as_string(hide_password=True), as_of, language(lang))
        fingerprint = catalogue.fingerprint
        with self._lock:
            held = self._held.get(key)
        report = None
        if held is not None and held[1] == fingerprint:
            held_version, _, previous = held
            if held_version == version:
                return previous
            changed = values_changed(engine, held_version, version)
            if changed is not None:
                with read_session(engine) as session:
                    report = reassess(
                        previous,
                        session=session,
                        catalogue=catalogue,
                        indicators=changed,
                        as_of=as_of,
                        lang=key[2],
                    )
                self.reassessed += 1
        if report is None:
            report = assess(engine=engine, catalogue=catalogue, as_of=as_of, lang=key[2])
        if keep:
            with self._lock:
                self._held[key] = (version, fingerprint, report)
                self._held.move_to_end(key)
                while len(self._held) > self.limit:
                    self._held.popitem(last=False)
        return report

    def held(self) -> list[StatusReport]:
        """The reports held now (at most `limit`, whatever the number of writes)."""
        with self._lock:
            return [report for _, _, report in self._held.values()]

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
