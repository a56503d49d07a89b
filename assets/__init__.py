"""Software-defined assets, one thin module per layer: raw, articles, facts, marts."""
