"""Helpers shipped for tests, benchmarks and the demo: websites served on loopback addresses."""
