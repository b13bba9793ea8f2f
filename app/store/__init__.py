"""Settings, history, secrets and where Baro keeps its files."""
