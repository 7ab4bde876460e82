"""The ``roer`` command: Django's management commands with Roer's settings.

``roer migrate``, ``roer shell -c …`` and every other Django command work as
usual; Roer adds its own (``roer serve``, ``roer demo``, ``roer config-docs``, …).
Settings default to ``roer.conf.dev``; set ``DJANGO_SETTINGS_MODULE`` for another
environment, e.g. ``roer.conf.production``.
"""

from __future__ import annotations

import os
import sys

DEFAULT_SETTINGS = "roer.conf.dev"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    args = list(argv if argv is not None else sys.argv[1:])
    _load_settings_or_exit()

    from django.core.management import execute_from_command_line

    from roer.audit.context import Source, acting

    # Django's own commands (migrate, shell -c, loaddata, createsuperuser…) are audited as the command line too.
    label = f"command:{args[0]}" if args and not args[0].startswith("-") else "command"
    try:
        with acting(source=Source.COMMAND, label=label):
            execute_from_command_line(["roer", *args])
    except BrokenPipeError:
        # Output piped into `head` or similar that stopped reading: not an error worth a stack trace.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def _load_settings_or_exit() -> None:
    """Import the settings now, so a missing or malformed variable is one line, not a stack trace."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018  (the attribute access imports the settings module)
    except (ImproperlyConfigured, ValueError) as exc:
        module = os.environ["DJANGO_SETTINGS_MODULE"]
        sys.stderr.write(f"roer: configuration error in {module}: {exc}\n")
        sys.stderr.write("See docs/configuration.md for every environment variable.\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
