"""``python -m crawler``: the wirecrawl command line."""

from crawler.cli import main

main()
