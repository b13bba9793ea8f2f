"""The `baro` entry point: with a subcommand it is the CLI, without one it opens the window.

A frozen bundle has one executable, so it also starts the child processes: the engine worker
(``--engine-worker``) and the document reader (``--docs-worker``) are dispatched here.
"""

from __future__ import annotations

import sys

from app.docs.child import DOCS_WORKER_FLAG
from app.llm.process import WORKER_FLAG


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == [WORKER_FLAG]:
        from app.llm.worker import main as engine_worker_main

        engine_worker_main()
        return 0
    if argv[:1] == [DOCS_WORKER_FLAG]:
        from app.docs.worker import main as docs_worker_main

        docs_worker_main()
        return 0
    wants_cli = bool(argv) and (not argv[0].startswith("-") or argv[0] in ("-h", "--help", "--version"))
    if wants_cli:
        from app.cli import main as cli_main

        return cli_main(argv)
    from app.gui.application import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
