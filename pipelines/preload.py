"""What every worker process needs, loaded once by the fork server before it forks them.

Workers start ready (no page waits for imports or for langdetect's language profiles) and
share these pages with each other until they write to them.
"""

import datasketch  # noqa: F401 (the fingerprints' MinHash; the core imports it where it is used)
from langdetect.detector_factory import init_factory

import pipelines.core  # noqa: F401

init_factory()
