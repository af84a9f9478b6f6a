"""Datasette over the corpus (``wirecrawl serve``): ``app.py`` builds and runs the app from the
package data here (``metadata.yml``: titles, descriptions, facets, sort orders, hidden tables,
canned queries; ``static/corpus.css``; ``templates/``), the hooks, which compare copies with the article core, are ``pipelines/datasette_plugin.py``."""

__all__ = ["DATABASE_NAME"]

#: The corpus is served under this name whatever its file is called, so URLs and metadata are stable.
DATABASE_NAME = "corpus"
