"""Leaf helpers about web addresses and bytes (URL normalization, page decoding), used by the
spiders, the pipelines and the core alike; they import nothing of ours."""
