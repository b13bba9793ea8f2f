"""The PySide6 desktop interface (window, panes, popup, tray, dialogs), Korean only. The only package that
imports Qt. Talks to the tasks through ``app.tasks`` and ``app.core``; a few dialogs still reach
``app.store``/``app.llm`` directly (being moved behind ``app.tasks``, issue #18)."""
