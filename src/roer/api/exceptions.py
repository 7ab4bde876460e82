"""API errors beyond DRF's own: the preconditions of optimistic concurrency (RFC 9110, RFC 6585)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException


class PreconditionRequired(APIException):
    """A change without ``If-Match``: it might overwrite someone else's change unseen."""

    status_code = 428
    default_detail = _("Send the ETag of the version you based this change on in the If-Match header.")
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    """The stored version differs from the one in ``If-Match``; the body shows the stored values."""

    status_code = 412
    default_detail = _("Someone else changed this in the meantime. Nothing was saved; see the current values.")
    default_code = "precondition_failed"

    def __init__(self, current: dict[str, Any], etag: str, detail: Any = None) -> None:
        super().__init__(detail)
        self.problem_extra = {"current": current}
        self.headers = {"ETag": etag}
