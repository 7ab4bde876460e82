"""Extract Roer's interface strings into the Dutch catalogue, or check that it is complete.

Usage (through make):
  python scripts/messages.py extract   # `make messages`: makemessages, then compile with polib
  python scripts/messages.py check     # `make messages-check`: fails when the code has strings
                                        # the committed catalogue lacks; changes no file

The check compares message ids, not text: gettext and polib wrap long lines
differently, and that is no reason to fail. Needs GNU gettext (xgettext, msgmerge).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "roer"
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"

# Locations per file without line numbers, so that unrelated edits do not churn the catalogue.
MAKEMESSAGES = [
    "makemessages",
    "--locale=nl",
    "--no-obsolete",
    "--add-location=file",
    "--extension=html,txt,py",
    "--ignore=tests",
    "--ignore=e2e",
]

Key = tuple[str | None, str, str]


def makemessages() -> None:
    if shutil.which("xgettext") is None:
        sys.exit("messages: GNU gettext is needed (apt-get install gettext).")
    roer = Path(sys.executable).parent / "roer"
    subprocess.run([str(roer), *MAKEMESSAGES], cwd=PACKAGE, check=True)  # noqa: S603  (our own command)


def keys(catalogue: polib.POFile) -> set[Key]:
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in catalogue if not entry.obsolete}


def check() -> int:
    committed_text = CATALOGUE.read_text(encoding="utf-8")
    try:
        makemessages()
        extracted = polib.pofile(str(CATALOGUE))
    finally:
        CATALOGUE.write_text(committed_text, encoding="utf-8")  # a check changes nothing
    committed = polib.pofile(committed_text)
    missing = sorted(keys(extracted) - keys(committed), key=str)
    unused = sorted(keys(committed) - keys(extracted), key=str)
    for _, msgid, _ in unused:
        print(f"messages: not used in the code any more: {msgid!r}")
    for _, msgid, _ in missing:
        print(f"messages: missing from {CATALOGUE.relative_to(ROOT)}: {msgid!r}")
    if missing:
        print("Run `make messages`, translate the new entries, and commit the catalogue.")
        return 1
    print(f"messages: all {len(keys(extracted))} strings of the code are in the catalogue.")
    return 0


def extract() -> int:
    makemessages()
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_messages.py")], check=False).returncode  # noqa: S603


def main(argv: list[str]) -> int:
    commands = {"extract": extract, "check": check}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
