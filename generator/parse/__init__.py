"""Parse stage: the validated OpenAPI dict becomes the IR (`ir.Api`), in `api.build_api`. The only
reader of raw specs. Nothing is imported here: a cache hit reads `ir` alone (PAGINATION_STYLES)."""
