"""Scrapy settings for wirecrawl.

Every setting that matters is stated here rather than inherited, with polite defaults for
crawling other people's sites. Any of them can be overridden per run (``-s NAME=VALUE``) or
per source (``[sources.settings]`` in the sources file).
"""

from crawler import PROJECT_URL, __version__
from crawler.config import corpus_path, sources_path

BOT_NAME = "wirecrawl"

# --- Where things are ------------------------------------------------------------------
# The sources file (one spider per source) and the SQLite corpus; the CLI's --sources/--db
# set these, the environment variables are the fallback for `scrapy crawl`.
SOURCES_FILE = str(sources_path())
CORPUS_PATH = str(corpus_path())
# The class a crawl opens the corpus with (its classmethod `for_crawl(settings)`): the SQLite
# file, or, set by `wirecrawl worker`, the cluster's view of the writer's corpus in Redis
# ("storage.redis_state.ClusterCorpus"). The last stage that fits it stores the articles.
CORPUS_BACKEND = "storage.corpus.Corpus"
# Keep each article's page as fetched (compressed, ~1/4 of its size) for `wirecrawl reextract`.
CORPUS_STORE_PAGES = True
# Set by `wirecrawl crawl` so that all spiders of one run report into one crawl_runs row.
CORPUS_RUN_ID = None
# `wirecrawl crawl` exits with status 4 when more than this share of the pages it tried
# failed: half the pages failing means something is wrong beyond a few dead links (see README).
CORPUS_RUNS_MAX_ERROR_RATE = 0.5
# Articles are committed in batches: after this many, or this many seconds after the first
# of a batch (one commit per article costs more than storing it; a crash loses at most the
# batch, whose pages the next run fetches again).
CORPUS_COMMIT_ARTICLES = 100
CORPUS_COMMIT_SECONDS = 1.0
# Largest size the corpus may grow to, in bytes (0: no limit); past it the run stops as
# on a full disk, with the corpus intact.
CORPUS_MAX_SIZE = 0

SPIDER_LOADER_CLASS = "spiders.loader.SourceSpiderLoader"
SPIDER_MODULES: list[str] = []
NEWSPIDER_MODULE = "spiders"

# --- Politeness ------------------------------------------------------------------------
USER_AGENT = f"wirecrawl/{__version__} (+{PROJECT_URL})"
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
DOWNLOAD_DELAY_JITTER = 0.5  # each delay varies by +-50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = True

# --- Robustness ------------------------------------------------------------------------
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # no news page or feed is larger; bigger is junk or a trap
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"  # the spider logs each failed page once, with its reason
REDIRECT_ENABLED = True
REDIRECT_MAX_TIMES = 5
# Backing off from a failing host (spiders/backoff.py): waits of 1, 2, 4, ... s up to 60 s
# between failed attempts (or what Retry-After asks, if longer); after 6 failed attempts in
# a row (two pages with their two retries each) the host is skipped for the rest of the run.
BACKOFF_ENABLED = True
BACKOFF_BASE_DELAY = 1.0
BACKOFF_MAX_DELAY = 60.0
BACKOFF_MAX_FAILURES = 6
DNS_TIMEOUT = 20
# On SIGINT/SIGTERM the queued requests are dropped (the next run fetches them) and the pages
# in flight get this many seconds to finish; then the run stops anyway (systemd's
# TimeoutStopSec is 90 s). A second signal stops it at once.
STOP_GRACE_SECONDS = 10.0
# Sources crawled at once by one process (`crawl --all`): each is a Scrapy crawler of its own,
# made when a place is free, so thousands of sources cost start-up and memory for this many.
CRAWL_CONCURRENT_SOURCES = 200
HTTPCACHE_ENABLED = False
# Scrapy's HTTP/1.1 handler, with a shutdown that logs no AlreadyCalledError on a busy machine.
DOWNLOAD_HANDLERS = {"http": "spiders.http.HttpDownloadHandler", "https": "spiders.http.HttpDownloadHandler"}

# --- No listening ports ----------------------------------------------------------------
# Scrapy's telnet console and (2.19+) remote-control HTTP server would accept connections
# that can run code inside the crawl; a cron job needs neither.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- Discovery -------------------------------------------------------------------------
# How many listing pages deep pagination is followed from a start URL.
DISCOVERY_LISTING_DEPTH = 20
# Most entries taken from one feed or sitemap (a sitemap may list millions of URLs); 0: all.
DISCOVERY_MAX_ENTRIES = 50_000
# Skip URLs already stored in the corpus (incremental crawls).
DISCOVERY_SKIP_STORED = True
# Send feeds' and sitemaps' stored ETag/Last-Modified: an unchanged one costs a 304.
DISCOVERY_CONDITIONAL_GET = True
# Follow an article or listing that redirects to another site (a shortener, a partner's copy)?
DISCOVERY_OFFSITE_REDIRECTS = False

# --- Dry run ---------------------------------------------------------------------------
# `wirecrawl sources check` and `crawl --dry-run`: the crawl as usual (robots.txt, politeness,
# every stage), but the corpus is only read (or, if there is none, an empty one is held in
# memory) and nothing is written: no article, run, outcome, validator or site template.
DRY_RUN_ENABLED = False
# New article pages fetched per source in a dry run (the others are counted, not fetched).
DRY_RUN_SAMPLE = 5

# --- Pipeline stages -------------------------------------------------------------------
# The CPU work (parsing, extraction, cleaning rules, language, fingerprints) runs in worker
# processes; the stages that read and write the corpus take turns in arrival order.
ITEM_PIPELINES = {
    "pipelines.extract.ExtractionPipeline": 100,  # workers: decode, one parse, canonical URL, article
    "pipelines.canonical.CanonicalUrlPipeline": 200,  # in order: one article per URL
    "pipelines.text.TextPipeline": 300,  # in order: site templates; workers: rules, language, fingerprint
    "pipelines.store.CorpusPipeline": 900,  # in order: story decision and storage (the SQLite corpus)...
    "pipelines.cluster.publish.ItemPublisher": 910,  # ...or to the cluster's writer (a worker's crawl)
}
# Worker processes for the CPU stages: unset means one per core; 0 runs the stages in the
# reactor thread (one core, downloads wait while a page is extracted).
PIPELINE_WORKERS = None
# Scrapy starts this many tasks for each response's output (its default, 100, costs ~1 ms
# per page); an article page yields one item, and requests are scheduled at once anyway.
CONCURRENT_ITEMS = 4
# Most calls handed to the workers at once (0: four per worker); pages beyond it wait, so
# memory stays bounded however fast pages are downloaded.
PIPELINE_MAX_PENDING = 0
DOWNLOADER_MIDDLEWARES = {
    "spiders.stored_urls.StoredUrlFilter": 50,
    "spiders.sample.ArticleSample": 55,  # dry runs only: a few of the new articles are fetched
    "spiders.conditional.ConditionalGet": 60,
    # robots.txt answering 5xx means "disallow all" (RFC 9309), not "no rules".
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.robots.StrictRobotsTxtMiddleware": 100,
    # Next to the downloader: it sees every outcome first (before retries and redirects are
    # made of it) and only requests that are really about to be sent.
    "spiders.backoff.PoliteBackoff": 950,
    # Before RedirectMiddleware (600) in the response path: refused redirects are never followed.
    "spiders.redirects.RedirectGuard": 650,
}
EXTENSIONS = {
    "crawler.components.drops.DropCounter": 400,
    "crawler.components.extensions.CrawlRunRecorder": 500,
    # Scrapy's log_count/* stats: each crawler hangs a handler on the root logger that counts every
    # crawler's lines, so with a crawler per source each log line went through thousands of
    # handlers; nothing of ours reads those counts (a source's failures are counted by reason).
    "scrapy.extensions.logcount.LogCount": None,
}
# Record each run and its sources' counts in crawl_runs (off: a bare `scrapy crawl` leaves no trace).
CORPUS_RUNS_ENABLED = True

# Extraction (trafilatura and the article test); off: the page's text is taken as it is.
EXTRACT_ENABLED = True
# Pages with less body text than this (characters) are not articles.
EXTRACT_MIN_LENGTH = 200
# trafilatura's trade-off: "" (balanced), "precision" or "recall".
EXTRACT_FAVOR = ""
# The article's URL is its same-site rel=canonical (else og:url); off: the URL it was fetched from.
CANONICAL_ENABLED = True
# URLs that are never articles: archive listings (a page directly under /tag/, /author/, ...)
# and service pages (a path ending in /about, /contact, ...). A page that declares an
# article type (JSON-LD NewsArticle, og:type=article) is an article whatever its URL.
EXTRACT_NON_ARTICLE_URL = (
    r"/(tags?|topics?|categor(y|ies)|authors?|people|section)(/[^/]+)?(/page/\d+)?/?$"
    r"|/(about(-us)?|contact(-us)?|imprint|impressum|privacy(-policy)?|terms(-of-(use|service))?|"
    r"cookies?(-policy)?|search|login|register|subscribe|newsletters?|advertise|careers|jobs|faq|help|"
    r"sitemap|team|staff|masthead|corrections|editorial-(standards|policy|guidelines)|ethics|"
    r"accessibility|weather|obituaries|notices|classifieds|events|directory)(\.\w+)?/?$"
)
# Cleaning: a body block seen on this many pages of a site is the site's boilerplate.
CLEAN_ENABLED = True
CLEAN_TEMPLATE_PAGES = 3
# Pages left with less body text than this after cleaning are not articles.
CLEAN_MIN_LENGTH = 200
# The learned furniture classifier (pipelines/core/blocks.py, weights by benchmarks/train_blocks.py):
# a body block it finds furniture with at least this probability is removed (chosen so that no
# story paragraph of the training pages is lost, leave-one-site-out). Off: at that threshold it
# changed body F1 by under 0.001 on the bench pages, left one more page with furniture on the
# fixture designs (benchmarks/designs.py) and cost 13 % more CPU per page; see docs/cleaning.md.
CLEAN_MODEL_ENABLED = False
CLEAN_MODEL_THRESHOLD = 0.95
# Language detection; off: articles get no language (and a source's `languages` keeps all).
LANGUAGE_ENABLED = True
# langdetect reads at most this many characters of the body.
LANGUAGE_MAX_CHARS = 2000
# Below this length (characters) or probability, a declared language hint decides.
LANGUAGE_MIN_LENGTH = 60
LANGUAGE_MIN_PROBABILITY = 0.80
LANGUAGE_SEED = 0
# An article whose normalized text equals a stored one's joins that story.
DEDUP_EXACT_ENABLED = True
# Near-duplicate stories (see README, "Near-duplicate stories", for how these were chosen).
DEDUP_NEAR_ENABLED = True
DEDUP_SHINGLE_SIZE = 5  # words per shingle (characters in Chinese, Japanese, Thai)
DEDUP_NUM_PERM = 128  # MinHash permutations
DEDUP_BANDS = 32  # LSH bands (DEDUP_NUM_PERM // DEDUP_BANDS rows each)
# A second banding over the text's lead, so a copy cut to its first paragraphs is proposed.
DEDUP_LEAD_SHINGLES = 40  # the lead: this many first shingles
DEDUP_LEAD_BANDS = 16  # LSH bands over the lead's MinHash (0: no lead index)
DEDUP_LEAD_ROWS = 2  # hash values per lead band (DEDUP_LEAD_BANDS x DEDUP_LEAD_ROWS <= DEDUP_NUM_PERM)
DEDUP_JACCARD = 0.5  # same story at this Jaccard similarity of the shingle sets...
DEDUP_CONTAINMENT = 0.8  # ...or when this much of the shorter text is in the longer
DEDUP_MIN_SHINGLES = 20  # the containment rule needs a shorter text at least this long
DEDUP_MAX_CANDIDATES = 50  # most candidates verified per article

# --- Scaling out: workers and one writer around one Redis (README, "Scaling out") -------
# The Redis a worker's crawl shares with the cluster; set by `wirecrawl worker` for the
# crawls it runs ("": the embedded default, one process writing one SQLite file).
CLUSTER_REDIS_URL = ""
# Names the job a worker's crawl runs (set by `wirecrawl worker`): its run record in the corpus.
CLUSTER_JOB = ""
# Longest wait for one answer from Redis, in seconds; past it the command gives up on Redis.
CLUSTER_REDIS_TIMEOUT = 10.0
# A worker renews its host leases and says it is alive this often while a job runs...
CLUSTER_HEARTBEAT_SECONDS = 5.0
# ...its leases lapse this long after the last renewal (a dead worker's hosts are free again)...
CLUSTER_LEASE_SECONDS = 30.0
# ...and its job is taken over by another worker after this long without a renewal. Longer
# than the lease, so the hosts of a stuck worker's job are free when the job is claimed. A dead
# worker's job is claimed sooner, once its heartbeat (three of the beats above) has lapsed; the
# worker taking it waits for the hosts' leases.
CLUSTER_JOB_IDLE_SECONDS = 60.0
# A job whose crawl failed (or whose worker died) this many times is given up, not run again.
CLUSTER_JOB_ATTEMPTS = 3
# Jobs one worker crawls at once, in one process (as `crawl --all` crawls its sources; the
# stages and CPU pool are started once); more are taken as they end.
CLUSTER_WORKER_SOURCES = 200

# --- Logging and reporting -------------------------------------------------------------
LOG_LEVEL = "INFO"
# One compact line per event: "2026-11-24T10:00:00 W source-name: message".
LOG_FORMAT = "%(asctime)s %(levelname).1s %(name)s: %(message)s"
LOG_DATEFORMAT = "%Y-%m-%dT%H:%M:%S"
LOG_FORMATTER = "crawler.components.logformatter.QuietLogFormatter"
LOGSTATS_INTERVAL = 60.0
STATS_DUMP = False
# Scrapy's check that a spider callback is no generator returning a value reads and parses the
# callback's source once per spider (its cache holds bound methods): with a crawler per source it
# took half the crawl's CPU at 1,000 sources. Our callbacks are checked once, by a test instead.
WARN_ON_GENERATOR_RETURN_VALUE = False

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
