"""Render stage: Jinja2 templates turn the planned contexts into Python text (`environment.Renderer`;
the escaping filters in `filters`). Nothing is imported here: a cache hit must not load Jinja2."""
