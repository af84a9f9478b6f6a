"""Process machinery of a crawl: the CPU worker pool and its fork server, objects shared by
every crawler of a process, logging and the log file."""
