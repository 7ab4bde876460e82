"""gunicorn, started from inside ``roer serve`` rather than as a separate program.

Kept apart from the command because gunicorn imports POSIX-only modules: the
command can then fall back to Django's development server where it cannot run.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.core.wsgi import get_wsgi_application
from gunicorn.app.base import BaseApplication

if TYPE_CHECKING:
    from roer.core.management.commands.serve import ServeOptions


class RoerServer(BaseApplication):  # gunicorn ships no type hints: BaseApplication is Any
    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        values: dict[str, Any] = {
            "bind": [self.options.bind],
            "workers": self.options.workers,
            "threads": self.options.threads,
            "worker_class": "gthread",
            "timeout": self.options.timeout,
            "graceful_timeout": 10,
            "reload": self.options.reload,
            "accesslog": "-",
            "errorlog": "-",
            # The root logger is configured from LOG_LEVEL by Django's LOGGING setting.
            "loglevel": logging.getLevelName(logging.getLogger().getEffectiveLevel()).lower(),
            "proc_name": "roer",
            # Behind a proxy the forwarded headers are trusted from the proxy's address only.
            "forwarded_allow_ips": "127.0.0.1,::1",
        }
        for key, value in values.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return get_wsgi_application()
