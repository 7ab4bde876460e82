"""Optimistic concurrency for API resources with a ``version`` (RFC 9110 ``ETag`` / ``If-Match``).

A GET returns ``ETag: "<version>"``; a change must send it back in ``If-Match``.
Without it the change is refused with 428, with another version with 412, and
the 412 body carries the stored values so the client can see what changed.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.exceptions import PreconditionFailed, PreconditionRequired

_STRONG_ETAG = re.compile(r'^"(\d+)"$')


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_versions(request: Request) -> set[int]:
    """The versions named in ``If-Match``; weak and malformed tags never match (strong comparison)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    if header == "*":
        raise PreconditionRequired(_("If-Match: * would overwrite any version; send the ETag you based this on."))
    versions = set()
    for tag in header.split(","):
        match = _STRONG_ETAG.match(tag.strip())
        if match:
            versions.add(int(match.group(1)))
    return versions


class ConcurrencyControlMixin(GenericAPIView):  # type: ignore[type-arg]
    """For viewsets over a model with a ``version``: ETag on reads, If-Match on changes."""

    concurrency_control = True

    def require_version(self, request: Request, obj: Any) -> int:
        """The stored version, if ``If-Match`` names it; otherwise 428 or 412."""
        if obj.version not in if_match_versions(request):
            raise self.stale(obj)
        return int(obj.version)

    # The representation a read shows, where changes take another serializer: the 412 body and the
    # answer to a change show it. None: the action's own serializer.
    shown_serializer_class: Any = None

    def shown(self, obj: Any) -> Any:
        if self.shown_serializer_class is None:
            return self.get_serializer(obj)
        return self.shown_serializer_class(obj, context=self.get_serializer_context())

    def stale(self, current: Any) -> PreconditionFailed:
        return PreconditionFailed(current=self.shown(current).data, etag=etag(current.version))

    def versioned(self, response: Response, obj: Any) -> Response:
        response["ETag"] = etag(obj.version)
        return response

    def respond_fresh(self, obj: Any, code: int, detail_route: str, lookup: str = "pk") -> Response:
        """``obj`` read again through this view's query set (the caller's scope and annotations
        apply), shown with its ETag; a 201 also gets the Location of ``detail_route``."""
        fresh = self.get_queryset().get(pk=obj.pk)
        response = Response(self.shown(fresh).data, status=code)
        if code == 201:
            kwargs = {lookup: getattr(fresh, lookup)}
            response["Location"] = reverse(detail_route, kwargs=kwargs, request=self.request)
        return self.versioned(response, fresh)
