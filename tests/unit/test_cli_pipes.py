"""The command line as part of a shell pipeline: a reader that stops early is not an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_status_json_into_a_reader_that_stops_early(sqlite_demo_url):
    env = {**os.environ, "GOALS_DATABASE_URL": sqlite_demo_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "goals", "status", "--json"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.read(50).startswith(b"[")  # like `| head -c 50`
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
