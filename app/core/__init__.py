"""Shared types with no I/O and no Qt: errors, events, cancellation."""
