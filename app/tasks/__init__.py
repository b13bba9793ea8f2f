"""Plain-Python tasks (generators of events) shared by the CLI and the GUI."""
