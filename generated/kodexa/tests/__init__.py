"""Generated contract tests of the Kodexa Platform API (sessions) client (run them with pytest; they need openapi-schema-validator)."""
