"""SQLite plumbing shared by the library index and the history: WAL connections, explicit
transactions, and append-only numbered migrations. May import ``app.core`` only."""
