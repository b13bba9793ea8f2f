"""PyInstaller's entry script: the bundle's one executable is the app, the CLI and both child processes."""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
