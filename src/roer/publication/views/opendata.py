"""Open data: the published versions in the 58 Rijks columns, anonymous, in four formats."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from roer.publication.interchange.writers import CONTENT_TYPES, WRITERS
from roer.publication.services import live_versions
from roer.publication.snapshot import row_values


@require_safe
def open_data(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in WRITERS:
        raise Http404
    rows = sorted(
        (row_values(v.snapshot["row"]) for v in live_versions()), key=lambda r: (r["MinisterieNaam"], r["Naam"])
    )
    response = HttpResponse(WRITERS[fmt](rows), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="projects.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
