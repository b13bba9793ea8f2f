"""The SQLite FTS5 library index with Korean tokenization and fused ranking."""
