"""Compile Roer's .po files into .mo files with polib, so no gettext tools are needed.

Usage: python scripts/compile_messages.py  (run by `make messages`; the .mo files are committed
so that `make run` works on a machine without gettext).
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "roer" / "locale"


def main() -> int:
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        po = polib.pofile(str(po_path))
        # The extraction time changes on every `make messages`; leave it out so the .mo only
        # changes when a translation does.
        po.metadata.pop("POT-Creation-Date", None)
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"{po_path.relative_to(LOCALE_DIR)}: {len(po.translated_entries())} translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
