"""Load stage: a YAML or JSON document, and the files its `$ref`s name, become one self-contained
dict (a Swagger 2.0 one as it is: the upgrade stage converts it)."""

from .documents import SourceFile, read_source
from .loaded_spec import LoadedSpec, load_spec

__all__ = ["LoadedSpec", "SourceFile", "load_spec", "read_source"]
