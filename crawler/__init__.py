"""wirecrawl: crawl declared news sources into a searchable SQLite corpus."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/wirecrawl/wirecrawl"
