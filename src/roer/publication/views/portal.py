"""The public portal: no login, read-only, only the latest published version per initiative."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from roer.portfolio.models import PublicationVersion
from roer.publication.interchange.figures import LARGEST_CLASS, SIZE_CLASSES
from roer.publication.services import live_versions
from roer.publication.snapshot import row_values

STATUS_LABELS = {
    "Lopend": _("In progress"),
    "Heroriëntatie": _("Being reoriented"),
    "Afgerond": _("Completed"),
    "Geannuleerd": _("Cancelled"),
}
PAGE_SIZE = 50


def _entry(version: PublicationVersion) -> dict[str, Any]:
    snapshot = version.snapshot
    row = row_values(snapshot["row"])
    initial, current = row["SchattingTotaleKostenInitieel"], row["SchattingTotaleKostenHuidigJaar"]
    return {
        "code": snapshot["code"],
        "name": snapshot["name"],
        "organisation": snapshot["organisation"],
        "status": row["ProjectStatus"],
        "status_label": STATUS_LABELS.get(row["ProjectStatus"], row["ProjectStatus"]),
        "row": row,
        "snapshot": snapshot,
        "version": version,
        "cost_change": (current - initial) if initial is not None else None,
        "cost_change_pct": ((current - initial) / initial * 100).quantize(Decimal("0.1")) if initial else None,
    }


@require_safe
def portal_list(request: HttpRequest) -> HttpResponse:
    entries = sorted((_entry(v) for v in live_versions()), key=lambda e: (e["organisation"], e["name"]))
    organisations = sorted({e["organisation"] for e in entries})
    chosen = {key: request.GET.get(key, "").strip() for key in ("q", "organisation", "status", "size")}
    if chosen["organisation"]:
        entries = [e for e in entries if e["organisation"] == chosen["organisation"]]
    if chosen["status"]:
        entries = [e for e in entries if e["status"] == chosen["status"]]
    if chosen["size"]:
        entries = [e for e in entries if e["row"]["TotaleKostenCategorie"] == chosen["size"]]
    if chosen["q"]:
        needle = chosen["q"].lower()
        entries = [e for e in entries if needle in e["name"].lower() or needle in e["code"].lower()]
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "count": len(entries),
        "organisations": organisations,
        "statuses": STATUS_LABELS.items(),
        "sizes": [label for _limit, label in SIZE_CLASSES] + [LARGEST_CLASS],
        "chosen": chosen,
        "query": urlencode({k: v for k, v in chosen.items() if v}),
    }
    return render(request, "publication/portal_list.html", context)


@require_safe
def portal_detail(request: HttpRequest, code: str) -> HttpResponse:
    version = live_versions().filter(initiative__code=code).first()
    if version is None:
        raise Http404
    return render(request, "publication/portal_detail.html", {"entry": _entry(version)})
