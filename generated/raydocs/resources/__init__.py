"""Resources of the Raydocs API - extraction sessions and documents client, one module per tag; loaded on first use."""
