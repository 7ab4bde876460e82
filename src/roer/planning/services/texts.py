"""Texts the worker and the builder store on a run, in English; the pages translate them when shown."""

from __future__ import annotations

import re
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# Messages stored on a run by the worker, translated when shown ({% translate run.progress_text %}).
WAITING = gettext_noop("Waiting for the worker")
STARTING = gettext_noop("Starting")
TRACING = gettext_noop("Plan found; tracing the efficient frontier")
DONE = gettext_noop("Done")

# The optimiser's own progress messages (plain English, no Django there) and how pages word them.
PHASES = {
    "checking mandatory and running items": gettext_noop("Checking mandatory and running items"),
    "solving the LP relaxation": gettext_noop("Solving the LP relaxation"),
    "LP relaxation solved; rounded plan": gettext_noop("LP relaxation solved; first plan"),
    "exact search: whole model": gettext_noop("Exact search on the whole model"),
    "exact search: whole model in a second process, beside neighbourhood search": gettext_noop(
        "Exact search on the whole model, beside neighbourhood search"
    ),
    "exact search: better plan": gettext_noop("Exact search: better plan"),
    "neighbourhood search: better plan": gettext_noop("Neighbourhood search: better plan"),
    "done": gettext_noop("Plan found"),
}
CORE = re.compile(r"^exact search: core of (\d+) candidates$")
SEPARATOR = "\t"  # stored as "message<TAB>objective<TAB>bound"; the numbers are optional


def progress_record(message: str, objective: float | None, bound: float | None) -> str:
    """What the worker stores for a progress message of the optimiser (worded when shown)."""
    parts = [message]
    if objective is not None:
        parts.append(f"{objective:.1f}")
        if bound is not None:
            parts.append(f"{bound:.1f}")
    return SEPARATOR.join(parts)


def progress_line(stored: str) -> str:
    """A stored progress text in the current language, numbers formatted the local way."""
    message, *numbers = stored.split(SEPARATOR)
    core = CORE.match(message)
    if core:
        text = _("Exact search on a core of %(count)s candidates") % {"count": core.group(1)}
    else:
        text = _(PHASES.get(message, message))
    values = [number_format(float(n), decimal_pos=1, force_grouping=True) for n in numbers]
    if len(values) == 2:
        return _("%(text)s: value %(value)s, bound %(bound)s") % {"text": text, "value": values[0], "bound": values[1]}
    if len(values) == 1:
        return _("%(text)s: value %(value)s") % {"text": text, "value": values[0]}
    return text


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
