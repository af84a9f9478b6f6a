"""Running crawls in one process: the runner and its Settings, the dry run, site discovery,
the progress line and a stop signal during start-up."""
