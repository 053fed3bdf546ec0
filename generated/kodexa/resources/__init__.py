"""Resources of the Kodexa Platform API (sessions) client, one module per tag; loaded on first use."""
