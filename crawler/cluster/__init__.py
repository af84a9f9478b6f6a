"""A cluster node around one Redis: the worker's loop and the job it runs per source."""
