"""The settings, read from the environment in one place (`settings()`, read afresh at each call
so that a test or an operator's change applies at once).

| variable | default | meaning |
|---|---|---|
| GOALS_DATABASE_URL | the SQLite file data/goals.db | where values are kept (SQLite or PostgreSQL) |
| GOALS_UPLOAD_LIMIT_MB | 20 | the largest workbook an upload may be |
| GOALS_LOGIN_TO_VIEW | off | when on (1/true/yes/ja), even reading needs a login once users exist |
| GOALS_SESSION_HOURS | 8 | how long a login lasts in the app (at least 3 minutes) |
| BROWSER_PATH | Debian's chromium | the browser that renders chart images |
| GOALS_ACCESSIBILITY_URL | none | the address of the installation's accessibility statement (*tilgængelighedserklæring*), linked at the foot of every page's menu |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_PATH = PROJECT_ROOT / "data" / "goals.db"
_TRUE = ("1", "true", "yes", "ja")


class ConfigError(ValueError):
    """A setting has a value that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    is_default_database: bool
    upload_limit_bytes: int
    login_to_view: bool
    session_hours: float
    browser_path: str | None
    accessibility_url: str | None = None

    @property
    def upload_limit_mb(self) -> float:
        """The upload limit in MB (2^20 bytes), to one decimal, as pages state it."""
        return round(self.upload_limit_bytes / 2**20, 1)


def settings() -> Settings:
    url = os.environ.get("GOALS_DATABASE_URL", "").strip()
    limit_mb = os.environ.get("GOALS_UPLOAD_LIMIT_MB", "20").strip() or "20"
    try:
        limit = int(float(limit_mb) * 1024 * 1024)
    except ValueError:
        raise ConfigError(
            f"GOALS_UPLOAD_LIMIT_MB must be a number of megabytes, not '{limit_mb}'."
        ) from None
    try:
        hours = max(float(os.environ.get("GOALS_SESSION_HOURS", "8")), 0.05)
    except ValueError:
        hours = 8.0
    return Settings(
        database_url=url or f"sqlite:///{DEFAULT_DATABASE_PATH}",
        is_default_database=not url,
        upload_limit_bytes=limit,
        login_to_view=os.environ.get("GOALS_LOGIN_TO_VIEW", "").strip().lower() in _TRUE,
        session_hours=hours,
        browser_path=os.environ.get("BROWSER_PATH") or None,
        accessibility_url=_web_address(os.environ.get("GOALS_ACCESSIBILITY_URL", "")),
    )


def _web_address(text: str) -> str | None:
    """An http(s) address, or None for none; anything else is refused with its name."""
    text = text.strip()
    if not text:
        return None
    if not text.lower().startswith(("https://", "http://")) or any(c.isspace() for c in text):
        raise ConfigError(
            f"GOALS_ACCESSIBILITY_URL must be a web address (https://…), not '{text}'."
        )
    return text
