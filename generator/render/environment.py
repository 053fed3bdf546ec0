"""The Jinja2 environment: templates from layered folders, the filters and the view helpers.

The test templates call no builder here: their views come in their contexts (testgen's TestPlan, via plan)."""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from .compiled import compiled_templates
from .filters import annotation, api_name, comment, docstring, docstring_end, ident, literal, toml_string
from .layout import constant, data_constant, fits, parameter


class Renderer:
    """Loads templates from folders searched in order (overrides first) and renders them."""

    def __init__(self, template_dirs: list[Path], compiled_dir: Path | None = None, keep_compiled: bool = False) -> None:
        self.template_dirs = template_dirs
        # Compiled templates kept between runs (render/compiled.py): beside clientsmith's code, or in
        # `compiled_dir` (the user cache) where that cannot be written. Compiling the package's
        # templates is most of a small document's render time.
        self.compiled_dir = compiled_dir
        self.keep_compiled = keep_compiled or compiled_dir is not None

    @cached_property
    def environment(self) -> jinja2.Environment:
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(path) for path in self.template_dirs]),
            autoescape=False,  # noqa: S701 - output is Python; the filters do the escaping
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        environment.filters.update(
            literal=literal,
            docstring=docstring,
            docstring_end=docstring_end,
            comment=comment,
            ident=ident,
            annotation=annotation,
            tuple_literal=lambda values: literal(tuple(values)),
            json_literal=lambda text: literal(json.loads(text)),
            join_literals=lambda values: ", ".join(literal(value) for value in values),
            parameter=parameter,
            constant=constant,
            data_constant=data_constant,
            fits=fits,
            toml_string=toml_string,
            api_name=api_name,
        )
        from ..parse.signatures import deprecated_arguments, deprecation, has_body_overloads, type_text
        from .call_views import follows_links, is_thin_pager, pager_note, paging_source, raised_for
        from .stream_views import has_overloads, method_overloads, method_returns
        from .views import operation_arguments

        environment.globals.update(
            deprecation=deprecation,
            deprecated_arguments=deprecated_arguments,
            raised_for=raised_for,
            pager_note=pager_note,
            paging_source=paging_source,
            follows_links=follows_links,
            is_thin_pager=is_thin_pager,
            annotation=annotation,
            literal=literal,
            type_text=type_text,
            operation_arguments=operation_arguments,
            has_body_overloads=has_body_overloads,
            has_overloads=has_overloads,
            method_overloads=method_overloads,
            method_returns=method_returns,
        )
        if self.keep_compiled:
            environment.bytecode_cache = compiled_templates(environment, self.compiled_dir)
        return environment

    def render(self, template: str, context: dict[str, Any]) -> str:
        return self.environment.get_template(template).render(**context)

    def source_of(self, template: str) -> str:
        loader = self.environment.loader
        assert loader is not None
        source, _, _ = loader.get_source(self.environment, template)
        return source
