"""``roer serve``: Roer behind gunicorn, static files served by WhiteNoise from the same process."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from argparse import ArgumentParser
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from roer.core.management.base import RoerCommand

FINGERPRINT_FILE = ".roer-fingerprint"


@dataclass(frozen=True)
class ServeOptions:
    host: str
    port: int
    workers: int
    threads: int
    timeout: int
    reload: bool

    @property
    def url(self) -> str:
        # A wildcard address cannot be typed into a browser; the loopback address can.
        shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(self.host, self.host)  # noqa: S104  (display only)
        if ":" in shown and not shown.startswith("["):
            shown = f"[{shown}]"
        return f"http://{shown}:{self.port}/"

    @property
    def bind(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def default_workers(vendor: str, cpus: int | None) -> int:
    """2 per core plus 1 (at most 8) on PostgreSQL; 2 on SQLite, where every write locks the whole file."""
    if vendor == "sqlite":
        return 2
    return min(2 * (cpus or 1) + 1, 8)


def resolve_options(options: dict[str, Any]) -> ServeOptions:
    """Command-line options over settings (which read ``PORT`` and friends from the environment)."""
    host = options.get("host") or settings.ROER_SERVE_HOST
    port = options.get("port") or settings.ROER_SERVE_PORT
    workers = (
        options.get("workers") or settings.ROER_SERVE_WORKERS or default_workers(connection.vendor, os.cpu_count())
    )
    threads = options.get("threads") or settings.ROER_SERVE_THREADS
    timeout = settings.ROER_SERVE_TIMEOUT
    if not 1 <= int(port) <= 65535:
        raise CommandError(f"Port {port} is not between 1 and 65535.")
    if int(workers) < 1 or int(threads) < 1:
        raise CommandError("Workers and threads must be at least 1.")
    return ServeOptions(str(host), int(port), int(workers), int(threads), int(timeout), bool(options.get("reload")))


def ensure_port_free(options: ServeOptions) -> None:
    family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((options.host, options.port))
        except OSError as exc:
            raise CommandError(
                f"Cannot listen on {options.bind}: {exc.strerror}. Choose another port with --port or PORT."
            ) from exc


def static_fingerprint() -> str:
    """A hash over the names, sizes and times of every source static file."""
    digest = hashlib.sha256()
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static_if_needed(stdout: Any) -> bool:
    """Run ``collectstatic`` when the source files changed since the last run; True when it ran."""
    if settings.STATIC_ROOT is None:  # served straight from the finders (the test settings)
        return False
    root = Path(settings.STATIC_ROOT)
    stamp = root / FINGERPRINT_FILE
    fingerprint = static_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    stdout.write("Collecting static files…")
    call_command("collectstatic", interactive=False, verbosity=0)
    root.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)
    return True


WORKER_COMMAND = [sys.executable, "-c", "from roer.cli import main; main(['worker'])"]


def start_worker(stdout: Any) -> subprocess.Popen[bytes]:
    """One ``roer worker`` child process: solves queued scenario runs and runs the periodic jobs."""
    stdout.write("Starting the background worker (roer worker).")
    return subprocess.Popen(WORKER_COMMAND, env=os.environ.copy())  # noqa: S603  (our own interpreter and module)


def stop_worker(process: subprocess.Popen[bytes], wait_seconds: float = 15) -> None:
    """Ask the worker to stop (it finishes the solve in hand), then insist."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=wait_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Command(RoerCommand):
    help = "Serve Roer over HTTP with gunicorn (static files included). Stop with Ctrl+C."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", help="Address to listen on (default: ROER_HOST or 127.0.0.1).")
        parser.add_argument("--port", type=int, help="Port to listen on (default: PORT or 8000).")
        parser.add_argument("--workers", type=int, help="Worker processes (default: ROER_WEB_WORKERS or automatic).")
        parser.add_argument("--threads", type=int, help="Threads per worker (default: ROER_WEB_THREADS or 4).")
        parser.add_argument(
            "--reload", action="store_true", help="Restart workers when the code changes (development)."
        )
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="Do not collect static files before starting."
        )
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start the background worker (`roer worker`) alongside."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        serve_options = resolve_options(options)
        ensure_port_free(serve_options)
        if not options["no_collectstatic"]:
            collect_static_if_needed(self.stdout)
        worker = None if options["no_worker"] else start_worker(self.stdout)
        parent = os.getpid()
        try:
            self._serve(serve_options)
        finally:
            # gunicorn's forked web workers leave through here too: only the process that started it stops it.
            if worker is not None and os.getpid() == parent:
                stop_worker(worker)

    def _serve(self, serve_options: ServeOptions) -> None:
        try:
            from roer.core.management.server import RoerServer
        except ImportError as exc:  # gunicorn needs a POSIX system
            if not settings.DEBUG:
                raise CommandError(f"gunicorn cannot run here ({exc}); use a Linux or macOS machine.") from exc
            self.stdout.write(f"gunicorn is unavailable ({exc}); using Django's development server.")
            call_command("runserver", f"{serve_options.host}:{serve_options.port}", use_reloader=serve_options.reload)
            return
        self.stdout.write(
            self.style.SUCCESS(f"Roer is running at {serve_options.url}")
            + f" ({serve_options.workers} workers × {serve_options.threads} threads; stop with Ctrl+C)"
        )
        self.stdout.flush()
        RoerServer(serve_options).run()
