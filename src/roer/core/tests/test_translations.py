"""Every interface string has a Dutch translation, and the compiled catalogue matches the source."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation

PO = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def catalogue() -> polib.POFile:
    return polib.pofile(str(PO))


def test_every_string_is_translated(catalogue: polib.POFile) -> None:
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"Untranslated in {PO.name}: {missing[:20]} (run `make messages` and translate)"
    assert not fuzzy, f"Fuzzy (unchecked) translations: {fuzzy[:20]}"
    assert len(catalogue) > 100


def test_placeholders_survive_translation(catalogue: polib.POFile) -> None:
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}|%[sd]")
    wrong = [
        entry.msgid
        for entry in catalogue.translated_entries()
        if sorted(pattern.findall(entry.msgid)) != sorted(pattern.findall(entry.msgstr)) and not entry.msgid_plural
    ]
    assert not wrong, f"Placeholders differ between English and Dutch: {wrong}"


def test_compiled_catalogue_is_up_to_date(catalogue: polib.POFile) -> None:
    compiled = polib.mofile(str(PO.with_suffix(".mo")))
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in catalogue.translated_entries()}
    built = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled}
    assert source == built, "django.mo is older than django.po: run `make messages`"


def test_dutch_is_used_at_run_time() -> None:
    with translation.override("nl"):
        assert translation.gettext("Initiatives") == "Initiatieven"
