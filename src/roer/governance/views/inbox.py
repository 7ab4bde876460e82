"""The inbox: one's own notifications, newest first; mark one or all as read. Nobody else's."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from roer.governance.models import Notification
from roer.governance.services.notify import mark_read, subject_line, target_url, unread_count


@require_safe
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    queryset = Notification.objects.filter(recipient_id=request.user.pk).select_related(
        "proposal", "decision", "meeting__body"
    )
    page = Paginator(queryset, settings.ROER_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"notification": item, "text": subject_line(item), "url": target_url(item), "unread": item.read_at is None}
        for item in page
    ]
    newest = queryset.first()
    context = {"page": page, "rows": rows, "unread": unread_count(request.user), "newest": newest}
    return render(request, "governance/inbox/inbox.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    page = request.POST.get("page", "")
    response = redirect("governance:inbox")
    if page.isdigit():
        response["Location"] += f"?page={page}"
    return response


@require_POST
@login_required
def inbox_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(request.user, [notification.pk])
    messages.success(request, _("Marked as read."))
    return _back(request)


@require_POST
@login_required
def inbox_read_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything up to the newest notification the page showed; what arrived since stays unread."""
    newest = get_object_or_404(Notification, pk=pk, recipient=request.user)
    seen = Notification.objects.filter(recipient_id=request.user.pk, pk__lte=newest.pk).values_list("pk", flat=True)
    count = mark_read(request.user, seen)
    messages.success(
        request,
        ngettext("%(count)s notification marked as read.", "%(count)s notifications marked as read.", count)
        % {"count": count},
    )
    return _back(request)


urlpatterns = [
    path("inbox/", inbox, name="inbox"),
    path("inbox/<int:pk>/read", inbox_read, name="inbox-read"),
    path("inbox/<int:pk>/read-all", inbox_read_all, name="inbox-read-all"),
]
