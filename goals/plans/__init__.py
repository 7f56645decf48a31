"""The work plan and the economy of the initiatives (*arbejdsplan* and *økonomiopfølgning*).

The steering groups report their initiatives in the status workbook's *Indsatser* sheet, with
the optional columns *Start*, *Slut*, *Budget* and *Forbrug* (kr.); the current row of each
initiative (`goals.status.own.current_initiatives`) is what the plan shows. `workplan` lays
them out per cluster, track and goal with what is overdue and over budget; `economy` sums
budget and spending per goal, cluster and track; `pools` are the secretariat's pools (e.g.
*beredskabspuljen*) with the amount granted and spent per year.
"""

from __future__ import annotations

from goals.plans.economy import (
    LEVELS,
    Pool,
    PoolError,
    PoolYear,
    Totals,
    pools,
    save_pool,
    set_pool_year,
    totals,
)
from goals.plans.workplan import PlanError, PlanRow, workplan

__all__ = [
    "LEVELS",
    "PlanError",
    "PlanRow",
    "Pool",
    "PoolError",
    "PoolYear",
    "Totals",
    "pools",
    "save_pool",
    "set_pool_year",
    "totals",
    "workplan",
]
