"""Where a warning points: `file:line:column` when the document's positions are cheap to have."""

from __future__ import annotations

from .loaded_spec import LoadedSpec

# Composing a YAML document's node tree to find a line costs about a second per 3 MB; above this
# size its warnings name the file and the pointer only. JSON text is always located (json_positions.py).
YAML_LINES_LIMIT = 4_000_000


def warning_place(spec: LoadedSpec, pointer: str) -> str:
    """The file, with the line and column of `pointer` where they can be had cheaply and truly.

    A converted Swagger 2.0 document's pointers name the 3.0 conversion: its line is that of the
    place the conversion came from (`LoadedSpec.source_pointer`), in the file that place came from.
    """
    source = spec.source_of(pointer)  # a part brought in from another file is located there
    cheap = source.json_positions is not None or len(source.text) <= YAML_LINES_LIMIT
    if not cheap or ("swagger" in spec.root.data and spec.source_pointer is None):
        return source.display
    return str(spec.locate(pointer))
