"""Ground floor: what every stage may use (pointers, walks and checks over a document's schemas,
naming, diagnostics, the cache, the template contract). It imports no stage."""
