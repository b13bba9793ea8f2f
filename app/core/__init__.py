"""Shared types with no I/O policy and no Qt: the errors users see (``BaroError`` with its Korean message),
the events tasks yield, cancellation, document and location types, streamed-text bookkeeping, atomic file
writes. The bottom layer: imports nothing else from ``app``."""
