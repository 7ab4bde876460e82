"""``If-Match`` for records without a version number: the ETag is a fingerprint of the stored values.

Delivery records, the ratings of a status report and cost lines have no ``version``
column; their services compare a fingerprint instead (``services.stale.fingerprint``,
``services.costs.sheet_version``). The API sends that fingerprint as a strong ETag and
expects it back in ``If-Match``: without it 428, with another one 412 with the stored
values, exactly as ``roer.api.concurrency`` does for versioned resources.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request
from rest_framework.response import Response

from roer.api.exceptions import PreconditionFailed, PreconditionRequired

_STRONG = re.compile(r'^"([0-9a-f]{1,64})"$')


def tag(value: str) -> str:
    return f'"{value}"'


def if_match(request: Request) -> set[str]:
    """The fingerprints named in ``If-Match``; weak and malformed tags never match."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    if header == "*":
        raise PreconditionRequired(_("If-Match: * would overwrite any version; send the ETag you based this on."))
    found = set()
    for item in header.split(","):
        match = _STRONG.match(item.strip())
        if match:
            found.add(match.group(1))
    return found


def require(request: Request, current: str, stored: Callable[[], Any]) -> str:
    """``current`` if ``If-Match`` names it; otherwise 428 or 412 with the ``stored`` values."""
    if current not in if_match(request):
        raise PreconditionFailed(current=stored(), etag=tag(current))
    return current


def tagged(response: Response, current: str) -> Response:
    response["ETag"] = tag(current)
    return response
