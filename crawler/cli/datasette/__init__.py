"""Datasette configuration of the corpus, shipped as package data: ``metadata.yml`` (titles,
descriptions, facets, sort orders, hidden tables, canned queries), ``plugin.py`` (hooks) and
``static/corpus.css``. ``crawler.cli.serve`` puts them together."""
