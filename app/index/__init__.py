"""The library index: SQLite FTS5 with Korean tokenization, change detection, chunking and fused ranking;
all SQL against the index's tables lives here. May import ``app.text``, ``app.sqlite`` and ``app.core``."""
