"""Generated contract tests of the Alfred API (TagShelf) - deferred sessions, files and jobs client (run them with pytest; they need openapi-schema-validator)."""
