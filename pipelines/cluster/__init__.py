"""The cluster around one Redis: the worker (one crawl process running many jobs), the last stage
of its crawls (articles handed to the writer), and the one writer that stores them in the corpus."""
