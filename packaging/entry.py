"""Entry point frozen by PyInstaller: the same `tracker.cli.main` as the installed scripts."""

import sys

from tracker.cli import main

sys.exit(main())
