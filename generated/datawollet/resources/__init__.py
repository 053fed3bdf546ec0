"""Resources of the DataWollet API - tokens, extraction sessions and envelope access client, one module per tag; loaded on first use."""
