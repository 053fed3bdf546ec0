"""Generated API clients, one subpackage per provider. Do not edit: run `make generate`."""
