"""Template tags for Roer's page components; one template per component."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.forms import BoundField
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability

register = template.Library()


@register.inclusion_tag("components/language_switch.html", takes_context=True)
def language_switch(context: dict[str, Any]) -> dict[str, Any]:
    request: HttpRequest = context["request"]
    return {"languages": settings.LANGUAGES, "next": request.get_full_path(), "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def main_nav_items(context: dict[str, Any]) -> list[dict[str, Any]]:
    request: HttpRequest = context["request"]
    user = request.user
    items = [
        ("home", _("Home")),
        ("portfolio:initiative-list", _("Initiatives")),
        ("strategy:goal-list", _("Goals")),
        ("planning:scenario-list", _("Scenarios")),
        ("publication:staff-list", _("Publication")),
        ("organisation:unit-list", _("Org units")),
        ("organisation:person-list", _("People")),
        ("governance:home", _("Governance")),
    ]
    if has_capability(user, Capability.VIEW_AUDIT):
        items.append(("audit:event-list", _("Audit trail")))
    if user.is_staff:
        items.append(("admin:index", _("Administration")))
    result = []
    for name, label in items:
        url = reverse(name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        if name == "strategy:goal-list":
            current = current or request.path.startswith(reverse("strategy:kpi-list"))
        if name == "planning:scenario-list":
            current = current or request.path.startswith(reverse("planning:scoring"))
        if name == "governance:home":
            label = _governance_label(label, user)
        result.append({"url": url, "label": label, "current": current})
    return result


def _governance_label(label: str, user: Any) -> str:
    """'Governance (2 unread)': the count of unread notifications in words, not only as a badge."""
    from roer.governance.services.notify import unread_count
    from roer.governance.templatetags.governance_nav import unread_label

    unread = unread_count(user)
    return f"{label} ({unread_label(unread)})" if unread else label


@register.inclusion_tag("components/alert.html")
def alert(message: str, level: str = "info") -> dict[str, Any]:
    kind = {"success": "ok", "error": "error", "warning": "warning"}.get(level, "info")
    return {"message": message, "kind": kind, "role": "alert" if kind == "error" else "status"}


@register.inclusion_tag("components/form_field.html")
def form_field(field: BoundField) -> dict[str, Any]:
    """A labelled field whose help text and error message are announced with it (aria-describedby)."""
    described_by = []
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if described_by:
        field.field.widget.attrs["aria-describedby"] = " ".join(described_by)
    return {"field": field, "widget_type": field.widget_type}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context: dict[str, Any], page: Any, param: str = "page", label: str = "") -> dict[str, Any]:
    """Previous and next links; ``param`` names the page number when one page holds several lists."""
    request: HttpRequest = context["request"]
    return {"page": page, "query": _query_without(request.GET, param), "param": param, "label": label}


@register.inclusion_tag("components/sort_header.html", takes_context=True)
def sort_header(context: dict[str, Any], field: str, label: str) -> dict[str, Any]:
    """A column header that links to the list sorted by ``field``, ascending then descending."""
    request: HttpRequest = context["request"]
    current = request.GET.get("sort", "")
    direction = "ascending" if current == field else "descending" if current == f"-{field}" else None
    params = request.GET.copy()
    params["sort"] = f"-{field}" if current == field else field
    params.pop("page", None)
    return {"label": label, "url": "?" + params.urlencode(), "direction": direction}


@register.inclusion_tag("components/breadcrumbs.html")
def breadcrumbs(*links: Any) -> dict[str, Any]:
    """Pairs of (label, url); the last is the current page and has no url."""
    items = [{"label": links[i], "url": links[i + 1]} for i in range(0, len(links) - 1, 2)]
    if len(links) % 2:
        items.append({"label": links[-1], "url": None})
    return {"items": items}


@register.inclusion_tag("components/sub_nav.html", takes_context=True)
def sub_nav(context: dict[str, Any], label: str, *links: Any) -> dict[str, Any]:
    """A section's own navigation under the main one: pairs of (label, url), the current page marked."""
    request: HttpRequest = context["request"]
    items = [
        {"label": links[i], "url": links[i + 1], "current": request.path == links[i + 1]}
        for i in range(0, len(links) - 1, 2)
    ]
    return {"label": label, "items": items}


@register.inclusion_tag("components/history.html")
def history_table(events: Any) -> dict[str, Any]:
    return {"events": events}


@register.filter
def as_audit_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return str(value)


def _query_without(query: QueryDict, key: str) -> str:
    params = query.copy()
    params.pop(key, None)
    return params.urlencode()


@register.inclusion_tag("components/filter_bar.html", takes_context=True)
def filter_bar(context: dict[str, Any], filterset: Any, target: str = "") -> dict[str, Any]:
    """A GET form of filters. With htmx it refreshes ``target`` as you type or choose; without, it submits.

    Without a ``target`` a choice reloads the whole page: for results that hold charts, whose
    data blocks htmx would not insert (``allowScriptTags`` is off).
    """
    request: HttpRequest = context["request"]
    return {"filter": filterset, "target": target, "sort": request.GET.get("sort", ""), "action": request.path}


@register.inclusion_tag("components/refreshing.html", takes_context=True)
def refreshing(
    context: Any, template_name: str, url: str, active: bool, region_id: str, every: int = 2
) -> dict[str, Any]:
    """``template_name`` rendered in a block that htmx reloads from ``url`` every few seconds while ``active``.

    ``url`` answers with this same block; when it is no longer active it stops polling (and the
    answer may ask for a full reload with ``HX-Refresh``). Without JavaScript the page needs its own
    refresh link.
    """
    values: dict[str, Any] = context.flatten()
    values.update({"template_name": template_name, "url": url, "active": active, "region_id": region_id})
    values["every"] = every
    return values
