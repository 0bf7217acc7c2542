"""Thin shim so `python main.py` opens the window like the `tracker` command."""

from tracker.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
