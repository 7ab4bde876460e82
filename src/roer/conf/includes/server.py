"""Settings for ``roer serve``: where it listens and how many processes and threads it runs."""

from roer.conf.environment import config

ROER_SERVE_HOST = config(
    "ROER_HOST",
    "127.0.0.1",
    "Address `roer serve` listens on; `0.0.0.0` to accept connections from other machines or a proxy.",
    group="Web server",
)
ROER_SERVE_PORT = config("PORT", 8000, "Port `roer serve` listens on.", group="Web server")
ROER_SERVE_WORKERS = config(
    "ROER_WEB_WORKERS",
    0,
    "Web worker processes for `roer serve`; `0` chooses: 2 per CPU core plus 1 (at most 8) on PostgreSQL, "
    "2 on SQLite, whose writes lock the whole file.",
    group="Web server",
)
ROER_SERVE_THREADS = config(
    "ROER_WEB_THREADS",
    4,
    "Threads per web worker process; requests waiting on the database share a process.",
    group="Web server",
)
ROER_SERVE_TIMEOUT = config(
    "ROER_WEB_TIMEOUT",
    60,
    "Seconds a request may take before its worker is restarted; long work belongs in background tasks.",
    group="Web server",
)
