"""`python -m tracker` runs the same entry as the `tracker` command."""

from tracker.cli import main

raise SystemExit(main())
