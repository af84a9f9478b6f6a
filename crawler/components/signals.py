"""Signals of the crawl that components send and the run's observers (the dry run) receive."""

__all__ = ["page_sampled"]

#: Sent by a dry run's sample (:class:`spiders.sample.ArticleSample`) with ``url`` for each
#: article page it lets through.
page_sampled = object()
