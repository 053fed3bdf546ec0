"""Load stage: a YAML or JSON document (or Swagger 2.0, converted) becomes one self-contained dict."""

from .documents import LoadedSpec, SourceFile, load_spec, read_source
from .pointers import follow_refs, join_pointer, resolve_pointer, split_pointer

__all__ = ["LoadedSpec", "SourceFile", "follow_refs", "join_pointer", "load_spec", "read_source", "resolve_pointer", "split_pointer"]
