"""The machinery of the generated tests, in one home.

The values a generated test sends and answers with (examples, synthesized values, samples of
patterns, XML bodies), their check against the schema with the validator openapi-core runs, the
relaxed readings of schemas no value satisfies, and the views the test templates render.
Imported lazily by its users: nothing here is needed on a cache hit."""

# parse builds examples with this package, and the examples read schemas with parse's converter:
# parse is the entry of the pair. Loaded first, so that importing a module of this package first
# (a test of the examples alone) does not meet a half-initialised module.
from .. import parse as _parse  # noqa: F401,E402
