"""Scrapy components of the project: the run recorder extension, the log formatter, arrival
order, drop accounting and request-failure reasons."""
