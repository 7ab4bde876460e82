"""``roer serve``: options, their precedence, static files, and a real start on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management.base import CommandError
from django.test import override_settings

from roer.core.management.commands.serve import (
    ServeOptions,
    collect_static_if_needed,
    default_workers,
    ensure_port_free,
    resolve_options,
)


def options(**given: Any) -> dict[str, Any]:
    return {"host": None, "port": None, "workers": None, "threads": None, "reload": False, **given}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@override_settings(ROER_SERVE_HOST="127.0.0.1", ROER_SERVE_PORT=9123, ROER_SERVE_WORKERS=3, ROER_SERVE_THREADS=2)
def test_settings_apply_when_no_option_is_given() -> None:
    resolved = resolve_options(options())
    assert (resolved.host, resolved.port, resolved.workers, resolved.threads) == ("127.0.0.1", 9123, 3, 2)
    assert resolved.url == "http://127.0.0.1:9123/"


@override_settings(ROER_SERVE_PORT=9123, ROER_SERVE_WORKERS=3)
def test_options_win_over_settings() -> None:
    resolved = resolve_options(options(host="0.0.0.0", port=8100, workers=1, threads=8))  # noqa: S104
    assert (resolved.port, resolved.workers, resolved.threads) == (8100, 1, 8)
    assert resolved.bind == "0.0.0.0:8100"
    assert resolved.url == "http://127.0.0.1:8100/", "a wildcard address is not something to type into a browser"


def test_ipv6_addresses_are_bracketed() -> None:
    served = ServeOptions("::1", 8000, 1, 1, 30, False)
    assert served.bind == "[::1]:8000"
    assert served.url == "http://[::1]:8000/"


@pytest.mark.parametrize("given", [{"port": 0}, {"port": 70000}, {"workers": -1}, {"threads": -2}])
def test_impossible_values_are_refused(given: dict[str, int]) -> None:
    with override_settings(ROER_SERVE_PORT=0 if given.get("port") == 0 else 8000), pytest.raises(CommandError):
        resolve_options(options(**given))


def test_automatic_worker_count() -> None:
    assert default_workers("sqlite", 16) == 2
    assert default_workers("postgresql", 2) == 5
    assert default_workers("postgresql", 16) == 8
    assert default_workers("postgresql", None) == 3


def test_a_taken_port_is_reported() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match="Choose another port"):
            ensure_port_free(ServeOptions("127.0.0.1", port, 1, 1, 30, False))


def test_static_files_are_collected_only_when_they_changed(tmp_path: Path) -> None:
    with override_settings(STATIC_ROOT=tmp_path / "static"):
        assert collect_static_if_needed(StringIO()) is True
        assert (tmp_path / "static" / "roer" / "css" / "roer.css").exists()
        assert collect_static_if_needed(StringIO()) is False


def test_serve_answers_health_checks(tmp_path: Path) -> None:
    """Start the real server briefly on a free port, ask /health, and stop it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "roer.conf.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "ROER_DATA_DIR": str(tmp_path),
    }
    command = [sys.executable, "-m", "roer.cli"]
    subprocess.run([*command, "migrate", "-v", "0"], env=env, check=True, timeout=120)  # noqa: S603
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [*command, "serve", "--port", str(port), "--workers", "1", "--threads", "2", "--no-collectstatic"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(server.stdout.readline, "")), daemon=True)  # type: ignore[union-attr]
    try:
        body = _get_when_up(f"http://127.0.0.1:{port}/health", server)
        assert body == '{"status": "ok"}'
        reader.start()
        # The background worker starts beside gunicorn (a second Django process: give it time to boot).
        deadline = time.monotonic() + 60
        while not any("Roer worker: waiting for solve runs" in line for line in lines):
            assert time.monotonic() < deadline, "the background worker did not start"
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    assert f"Roer is running at http://127.0.0.1:{port}/" in output
    assert "Roer worker stopped." in output, "the worker stops with roer serve"


def _get_when_up(url: str, server: subprocess.Popen[str], seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"roer serve stopped early:\n{server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  (loopback only)
                return str(response.read().decode())
        except OSError:
            time.sleep(0.2)
    pytest.fail("roer serve did not answer in time")


@pytest.mark.parametrize("no_worker", [False, True])
def test_serve_starts_and_stops_one_worker_unless_told_not_to(monkeypatch: pytest.MonkeyPatch, no_worker: bool) -> None:
    from roer.core.management.commands import serve

    events: list[str] = []

    def start(stdout: Any) -> str:
        events.append("start")
        return "worker"

    monkeypatch.setattr(serve, "start_worker", start)
    monkeypatch.setattr(serve, "stop_worker", lambda process: events.append(f"stop {process}"))
    monkeypatch.setattr(serve, "ensure_port_free", lambda options: None)
    monkeypatch.setattr(serve.Command, "_serve", lambda self, options: events.append("serve"))
    command = serve.Command(stdout=StringIO())
    command.handle(**options(port=free_port()), no_collectstatic=True, no_worker=no_worker)
    assert events == (["serve"] if no_worker else ["start", "serve", "stop worker"])


def test_stop_worker_ends_a_worker_that_ignores_the_request() -> None:
    from roer.core.management.commands.serve import stop_worker

    stubborn = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"]
    )
    time.sleep(0.5)
    stop_worker(stubborn, wait_seconds=0.5)
    assert stubborn.returncode is not None
