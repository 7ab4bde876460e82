"""Recording a status report over the API, through ``record_status_report`` like the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.exceptions import PreconditionFailed
from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.api.etags import require, tag, tagged
from roer.portfolio.api.reports import StatusReportSerializer, StatusReportViewSet
from roer.portfolio.api.writing import invalid
from roer.portfolio.models import Initiative, Rag, StatusReport
from roer.portfolio.services.checks import may
from roer.portfolio.services.reports import (
    CIO_FIELDS,
    INDEPENDENT_FIELDS,
    rate_as_cio,
    rate_independently,
    record_status_report,
)
from roer.portfolio.services.stale import ChangedMeanwhile, fingerprint


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


class RatingsChangeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    independentOverall = serializers.ChoiceField(
        choices=Rag.choices,
        required=False,
        help_text=_("Independent rating (portfolio office or assurance); never by the report's author."),
    )
    independentComment = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Comment with the independent rating.")
    )
    cioRating = serializers.IntegerField(
        min_value=1, max_value=5, required=False, help_text=_("CIO risk rating: 1 is high risk, 5 is low risk.")
    )
    cioComment = serializers.CharField(required=False, allow_blank=True, help_text=_("Comment of the CIO."))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors = {}
        if "independentComment" in attrs and "independentOverall" not in attrs:
            errors["independentOverall"] = _("Send the independent rating with its comment.")
        if "cioComment" in attrs and "cioRating" not in attrs:
            errors["cioRating"] = _("Send the CIO rating with its comment.")
        if not errors and "independentOverall" not in attrs and "cioRating" not in attrs:
            errors["non_field_errors"] = _("Send the independent rating, the CIO rating or both.")
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


RATING_FIELDS = INDEPENDENT_FIELDS + CIO_FIELDS
RATING_NAMES = {
    "independent_overall": "independentOverall",
    "independent_comment": "independentComment",
    "cio_rating": "cioRating",
    "cio_comment": "cioComment",
}


@extend_schema_view(partial_update=extend_schema(request=RatingsChangeSerializer, responses=StatusReportSerializer))
class StatusReportWritingViewSet(mixins.CreateModelMixin, StatusReportViewSet):
    """Status reports of the initiatives you can see, newest first, with the independent and CIO ratings.

    The portfolio office, or the initiative's sponsor or manager, records a new report.
    When cost or schedule deviate more than the organisation's threshold from the initial
    baseline, `varianceNarrative` is required. The report itself is not changed afterwards;
    a `PATCH` gives its independent rating (portfolio manager or auditor, not the author)
    or its CIO risk rating (CIO or mandate holder), with the report's `ETag` in `If-Match`.
    """

    concurrency_control = True
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_serializer_class(self) -> Any:
        if self.action == "partial_update":
            return RatingsChangeSerializer
        return NewStatusReportSerializer if self.action == "create" else StatusReportSerializer

    def _shown(self, report: StatusReport) -> Any:
        return StatusReportSerializer(report, context=self.get_serializer_context()).data

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        report = self.get_object()
        return tagged(Response(self._shown(report)), fingerprint(report, RATING_FIELDS))

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        report = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        needed = [Capability.RATE_INDEPENDENTLY] if "independentOverall" in data else []
        needed += [Capability.RATE_AS_CIO] if "cioRating" in data else []
        if not all(may(request.user, capability, report.initiative) for capability in needed):
            self.permission_denied(request, message=str(_("You may not give this rating.")))
        require(request, fingerprint(report, RATING_FIELDS), lambda: self._shown(report))
        try:
            with transaction.atomic():
                if "independentOverall" in data:
                    values = {"independent_overall": data["independentOverall"]}
                    values["independent_comment"] = data.get("independentComment", "")
                    report = rate_independently(request.user, report, values, fingerprint(report, INDEPENDENT_FIELDS))
                if "cioRating" in data:
                    values = {"cio_rating": data["cioRating"], "cio_comment": data.get("cioComment", "")}
                    report = rate_as_cio(request.user, report, values, fingerprint(report, CIO_FIELDS))
        except ChangedMeanwhile as stale:
            raise PreconditionFailed(
                current=self._shown(stale.current), etag=tag(fingerprint(stale.current, RATING_FIELDS))
            ) from None
        except DjangoValidationError as error:
            raise invalid(error, RATING_NAMES) from None
        return tagged(Response(self._shown(report)), fingerprint(report, RATING_FIELDS))

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
        return tagged(response, fingerprint(report, RATING_FIELDS))
