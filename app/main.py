"""The `baro` entry point: with a subcommand it is the CLI, without one it opens the window."""

from __future__ import annotations

import sys


def main() -> int:
    argv = sys.argv[1:]
    wants_cli = bool(argv) and (not argv[0].startswith("-") or argv[0] in ("-h", "--help", "--version"))
    if wants_cli:
        from app.cli import main as cli_main

        return cli_main(argv)
    from app.gui.application import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
