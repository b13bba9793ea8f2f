"""Baro (바로): an offline Korean productivity assistant."""

__version__ = "0.1.0"
