"""Generated contract tests of the Raydocs API - extraction sessions and documents client (run them with pytest; they need openapi-schema-validator)."""
