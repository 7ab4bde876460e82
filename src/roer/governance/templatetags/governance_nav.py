"""The governance sub navigation: one list for every governance page, rendered by the sub_nav component."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from roer.governance.services.notify import unread_count

register = template.Library()


def _items() -> list[tuple[str, str]]:
    return [
        ("governance:home", _("Overview")),
        ("governance:proposal-list", _("Proposals")),
        ("governance:decision-list", _("Decisions")),
        ("governance:inbox", _("Inbox")),
        ("governance:body-list", _("Bodies")),
        ("governance:decision-rights", _("Decision rights")),
        ("governance:framework-list", _("Frameworks")),
        ("governance:compliance-overview", _("Compliance")),
    ]


def unread_label(count: int) -> str:
    return ngettext("%(count)s unread", "%(count)s unread", count) % {"count": count}


@register.inclusion_tag("components/sub_nav.html", takes_context=True)
def governance_sub_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The areas whose page exists (a route not yet built is left out); the area you are in is marked."""
    request: HttpRequest = context["request"]
    links = []
    for name, label in _items():
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if name == "governance:inbox":
            unread = unread_count(request.user)
            if unread:
                label = f"{label} ({unread_label(unread)})"
        links.append({"label": label, "url": url})
    # The area is the longest link the page's path starts with: a proposal's page lies under Proposals.
    # Meetings have no list of their own: they belong to their body, so to Bodies.
    path = request.path
    if path.startswith(reverse("governance:home") + "meetings/"):
        path = reverse("governance:body-list")
    matches = [item for item in links if path.startswith(str(item["url"]))]
    current = max(matches, key=lambda item: len(str(item["url"])), default=None)
    items = [item | {"current": item is current} for item in links]
    return {"label": _("Governance"), "items": items}


# A vote's position in words of their own: "Object" the verb, not "object" the thing.
VOTE_POSITIONS = {
    "agree": pgettext_lazy("vote", "Agree"),
    "object": pgettext_lazy("vote", "Object"),
    "abstain": pgettext_lazy("vote", "Abstain"),
}


@register.filter
def vote_position(position: str) -> str:
    return str(VOTE_POSITIONS.get(position, position))
