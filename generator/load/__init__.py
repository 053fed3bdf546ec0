"""Load stage: a YAML or JSON document, its `$ref`'d files inlined, becomes one self-contained dict
(a Swagger 2.0 one as it is: the upgrade stage converts it)."""

from .documents import LoadedSpec, SourceFile, load_spec, read_source

__all__ = ["LoadedSpec", "SourceFile", "load_spec", "read_source"]
