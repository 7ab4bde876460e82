"""Every list is paged: ``page`` and ``pageSize`` (camelCase, as all query parameters)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination as _Base


class PageNumberPagination(_Base):
    page_size = settings.ROER_PAGE_SIZE
    page_query_param = "page"
    page_query_description = _("Page number, from 1.")  # type: ignore[assignment]  # lazy: translated when served
    page_size_query_param = "pageSize"
    page_size_query_description = _("Results per page, at most 200.")  # type: ignore[assignment]
    max_page_size = 200
