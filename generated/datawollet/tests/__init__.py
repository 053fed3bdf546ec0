"""Generated contract tests of the DataWollet API - tokens, extraction sessions and envelope access client (run them with pytest; they need openapi-schema-validator)."""
