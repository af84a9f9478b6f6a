"""Benchmarks of wirecrawl; run each from the repo root as ``.venv/bin/python -m benchmarks.NAME``."""
