"""What every worker process needs, loaded once by the fork server before it forks them.

Workers start ready (no page waits for imports or for langdetect's language profiles) and
share these pages with each other until they write to them.
"""

import atexit
import os
import sys

import datasketch  # noqa: F401 (the fingerprints' MinHash; the core imports it where it is used)
from langdetect.detector_factory import init_factory

import pipelines.core  # noqa: F401

init_factory()


def _end_at_once() -> None:
    """The fork server's end, when the crawl ends: at once, without Python's teardown of every
    loaded stage (~0.2 s of freeing objects), which held the crawl's stderr open meanwhile, so
    that whatever read the command's output (a pipe, a cron job's mail) waited for it. It holds
    no state to save; its workers leave by ``os._exit`` and never run this."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if sys.argv == ["-c"]:  # the fork server (``python -c "from multiprocessing.forkserver import main; ..."``)
    atexit.register(_end_at_once)
