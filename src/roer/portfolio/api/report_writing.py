"""Recording a status report over the API, through ``record_status_report`` like the pages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.api.reports import StatusReportSerializer, StatusReportViewSet
from roer.portfolio.models import Initiative, StatusReport
from roer.portfolio.services.reports import record_status_report


class VisibleInitiativeField(serializers.SlugRelatedField):  # type: ignore[type-arg]
    """An initiative by its code, among those the caller can see."""

    def get_queryset(self) -> Any:
        request = self.context.get("request")
        return Initiative.objects.for_user(getattr(request, "user", None))


class NewStatusReportSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    initiative = VisibleInitiativeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative reported on.")
    )
    periodEnd = serializers.DateField(
        source="period_end", help_text=_("The end of the period this report covers; once per initiative.")
    )
    varianceNarrative = serializers.CharField(
        source="variance_narrative",
        required=False,
        allow_blank=True,
        help_text=_("Explanation of variances; required when they exceed the organisation's threshold."),
    )

    class Meta:
        model = StatusReport
        fields = [
            "initiative",
            "periodEnd",
            "cost",
            "schedule",
            "scope",
            "risk",
            "overall",
            "narrative",
            "varianceNarrative",
        ]


def may_report_somewhere(user: Any) -> bool:
    """The portfolio office reports; so does whoever may change an initiative (incl. sponsor, manager)."""
    return has_capability(user, Capability.REVIEW_GATES) or bool(user.has_perm("strategy.add_contribution"))


class StatusReportWritingViewSet(mixins.CreateModelMixin, StatusReportViewSet):
    """Status reports of the initiatives you can see, newest first, with the independent and CIO ratings.

    The portfolio office, or the initiative's sponsor or manager, records a new report.
    When cost or schedule deviate more than the organisation's threshold from the initial
    baseline, `varianceNarrative` is required.
    """

    def get_serializer_class(self) -> Any:
        return NewStatusReportSerializer if self.action == "create" else StatusReportSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not may_report_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not record status reports.")))

    @extend_schema(request=NewStatusReportSerializer, responses={201: StatusReportSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        report = record_status_report(request.user, values["initiative"], values)
        body = StatusReportSerializer(report, context=self.get_serializer_context()).data
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Location"] = reverse("api-status-report-detail", kwargs={"pk": report.pk}, request=request)
        return response
