"""Resources of the Alfred API (TagShelf) - deferred sessions, files and jobs client, one module per tag; loaded on first use."""
