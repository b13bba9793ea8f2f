"""What Baro keeps for the user: settings (versioned TOML), history, secrets (the keyring only), the admin
policy, guard rules and logs, templates, and where all of it lives (``paths``).
May import ``app.text``, ``app.sqlite``, ``app.core``."""
