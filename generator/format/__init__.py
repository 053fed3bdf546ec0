"""Format stage: rendered Python laid out in black's style (ruff by default, or black itself)."""
