"""Texts the worker and the builder store on a run, in English; the pages translate them when shown."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# Messages stored on a run by the worker, translated when shown ({% translate run.progress_text %}).
WAITING = gettext_noop("Waiting for the worker")
STARTING = gettext_noop("Starting")
TRACING = gettext_noop("Plan found; tracing the efficient frontier")
DONE = gettext_noop("Done")


# Why an initiative is not a candidate: stored as a kind (and a count), worded when shown.
SKIP_REASONS = {
    "left_out": gettext_noop("left out by this what-if"),
    "undated": gettext_noop("no dates and no planned costs"),
    "ended": gettext_noop("ends before the horizon"),
    "later": gettext_noop("starts after the horizon"),
}


# Why a link is not passed to the optimiser (or only in part): ``missing`` names the non-candidates.
LINK_SKIP_REASONS = {
    "dependency_skipped": gettext_noop("dependency not used (not a candidate: %(missing)s)"),
    "exclusive_skipped": gettext_noop("“at most one” group not used (not a candidate: %(missing)s)"),
    "together_skipped": gettext_noop("“all or none” group not used (not a candidate: %(missing)s)"),
    "exclusive_narrowed": gettext_noop("“at most one” group used for its other members (not a candidate: %(missing)s)"),
    "together_narrowed": gettext_noop("“all or none” group used for its other members (not a candidate: %(missing)s)"),
}


def skip_text(item: dict[str, Any]) -> str:
    kind = item.get("kind", "")
    if kind in LINK_SKIP_REASONS:
        return _(LINK_SKIP_REASONS[kind]) % {"missing": item.get("missing", "")}
    if kind == "too_long":
        return _("takes %(count)s quarters, longer than the horizon") % {"count": item.get("count")}
    if kind in SKIP_REASONS:
        return _(SKIP_REASONS[kind])
    return str(item.get("reason", ""))
