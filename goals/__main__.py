"""``python -m goals``: see goals.cli."""

from goals.cli import main

raise SystemExit(main())
