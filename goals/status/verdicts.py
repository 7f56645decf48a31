"""Verdicts: what a director reads first, and the one rule that combines them (docs/method.md).

Pure functions, no I/O. The Open SDG status of a series (goals.status.progress) says how fast it moves
towards its target; the *verdict* adds whether the change from the baseline to the latest value
can be told apart from noise:

* a value's standard error comes from its 95 % confidence limits, (upper − lower) / 3.92, or
  — without limits — from its numerator and denominator: 100·√(p(1−p)/n) for a share in %,
  K·√numerator / denominator for a rate per K (per 1.000: K = 1000);
  a gap's standard error is √(se_A² + se_B²);
* the change is *certain* when |latest − base| / √(se_base² + se_latest²) > 1.96 (two-sided
  95 %), *uncertain* when it is not (a change of exactly 0 is never certain), and *unknown*
  when the base or the latest value has no standard error;
* the verdict is "uncertain" (*Ingen sikker ændring*) when the change is uncertain and the
  target is not reached, otherwise the Open SDG status.

Combined verdicts (a goal, a cluster × track cell, a cluster, the region) count success
criterion × area rows. `combine` gives the best verdict that *more than half* of the rows reach
or beat, in the order of `VERDICTS`; rows that cannot be assessed come last, so a cell where
half or more cannot be assessed cannot be assessed as a whole. The count behind the colour is
`Combined.support`: the rows at the combined verdict or better (for "deterioration" and "not
available": the rows with that verdict).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from goals.status.progress import DETERIORATION, NOT_AVAILABLE, STATUSES, TARGET_ACHIEVED
from goals.units import per_unit

__all__ = [
    "CERTAINTIES",
    "UNCERTAIN",
    "VERDICTS",
    "Combined",
    "change_certainty",
    "combine",
    "per_unit",
    "standard_error",
    "verdict_of",
]

#: A verdict that says the change cannot be told apart from noise.
UNCERTAIN = "uncertain"

#: Best to worst, then "not available". "No certain change" sits between limited progress and
#: deterioration: the value may have moved the right way, but that cannot be shown.
VERDICTS: tuple[str, ...] = (*STATUSES[:4], UNCERTAIN, *STATUSES[4:])

CERTAIN, UNKNOWN = "certain", "unknown"
CERTAINTIES: tuple[str, ...] = (CERTAIN, UNCERTAIN, UNKNOWN)

#: Two-sided 95 %: a confidence interval is 2 × 1.96 = 3.92 standard errors wide.
Z95 = 1.96


def standard_error(
    value: float | None,
    *,
    lower: float | None = None,
    upper: float | None = None,
    numerator: float | None = None,
    denominator: float | None = None,
    unit: str | None = None,
) -> float | None:
    """A value's standard error: from its 95 % limits, else from numerator/denominator by unit.

    None when neither gives one (no limits, no numerator/denominator, or a unit that is neither
    % nor a rate per K).
    """
    if _finite(lower) and _finite(upper) and upper >= lower:  # type: ignore[operator]
        return (upper - lower) / (2 * Z95)  # type: ignore[operator]
    if value is None or not _finite(denominator) or denominator <= 0:  # type: ignore[operator]
        return None
    n = float(denominator)  # type: ignore[arg-type]
    if unit is not None and unit.strip() == "%":
        p = value / 100
        if not 0 <= p <= 1:
            return None
        return 100 * math.sqrt(p * (1 - p) / n)
    k = per_unit(unit)
    if k is not None and _finite(numerator) and numerator >= 0:  # type: ignore[operator]
        return k * math.sqrt(float(numerator)) / n  # type: ignore[arg-type]
    return None


def change_certainty(
    base: float | None,
    base_se: float | None,
    latest: float | None,
    latest_se: float | None,
) -> str:
    """'certain', 'uncertain' or 'unknown': is latest − base more than noise (z > 1.96)?"""
    if base is None or latest is None:
        return UNKNOWN
    change = latest - base
    if change == 0:
        return UNCERTAIN  # |0| / se > 1.96 holds for no standard error at all
    if base_se is None or latest_se is None:
        return UNKNOWN
    se = math.hypot(base_se, latest_se)
    if se == 0:
        return CERTAIN
    return CERTAIN if abs(change) / se > Z95 else UNCERTAIN


def verdict_of(status: str, certainty: str) -> str:
    """What people see first: 'uncertain' when the change is uncertain and the target is not
    reached, otherwise the Open SDG status."""
    if certainty == UNCERTAIN and status != TARGET_ACHIEVED:
        return UNCERTAIN
    return status


@dataclass(frozen=True)
class Combined:
    """Several success criterion × area rows combined into one verdict by `combine`.

    ``status`` is the combined verdict (named as a row's, so that a badge shows either);
    ``counts`` the rows per verdict (every verdict, best first); ``support`` the rows at
    ``status`` or better — for "deterioration" and "not available", the rows with that verdict.
    ``score`` is the mean Open SDG score of the rows that have one (shown in details only).
    """

    status: str
    n: int
    counts: dict[str, int]
    support: int
    score: float | None = None

    @property
    def verdict(self) -> str:
        return self.status

    @property
    def available(self) -> bool:
        return self.status != NOT_AVAILABLE

    @property
    def n_assessed(self) -> int:
        return self.n - self.counts.get(NOT_AVAILABLE, 0)


def combine(verdicts: Iterable[str], scores: Iterable[float | None] = ()) -> Combined:
    """The best verdict that more than half of the rows reach or beat (see the module doc)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for verdict in verdicts:
        counts[verdict] += 1
    n = sum(counts.values())
    usable = [s for s in scores if s is not None and math.isfinite(s)]
    score = math.fsum(usable) / len(usable) if usable else None
    if n == 0:
        return Combined(NOT_AVAILABLE, 0, counts, 0, score)
    reached = 0
    for verdict in VERDICTS:
        reached += counts[verdict]
        if 2 * reached > n:
            # The count the sentence beside the colour names: "k of n are <verdict> or
            # better", but for the last two "k of n deteriorate" / "cannot be assessed".
            worst = verdict in (DETERIORATION, NOT_AVAILABLE)
            support = counts[verdict] if worst else reached
            return Combined(verdict, n, counts, support, score)
    raise AssertionError("unreachable: every row has a verdict")  # pragma: no cover


def _finite(value: float | None) -> bool:
    return value is not None and not isinstance(value, bool) and math.isfinite(value)
