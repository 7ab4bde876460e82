"""Recording a formal CIO opinion over the API, through ``record_cio_opinion`` like the initiative file."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.organisation.access import has_capability
from roer.organisation.roles import Capability
from roer.portfolio.api.report_writing import VisibleInitiativeField
from roer.portfolio.api.reports import CioOpinionSerializer, CioOpinionViewSet
from roer.portfolio.api.writing import invalid
from roer.portfolio.models import Initiative, OpinionKind
from roer.portfolio.services.reports import record_cio_opinion

NAMES = {"given_on": "givenOn", "opinion": "opinion", "text": "text"}


class NewCioOpinionSerializer(serializers.Serializer):  # type: ignore[type-arg]
    initiative = VisibleInitiativeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative.")
    )
    givenOn = serializers.DateField(help_text=_("When the opinion was given."))
    opinion = serializers.ChoiceField(choices=OpinionKind.choices, help_text=_("Opinion."))
    text = serializers.CharField(help_text=_("The opinion's text."))


class CioOpinionWritingViewSet(mixins.CreateModelMixin, CioOpinionViewSet):
    """Formal CIO opinions on the initiatives you can see, newest first.

    A CIO or mandate holder gives the opinion an initiative with an ICT component of
    €5 million or more needs. An opinion is kept as given; a new one follows a new review.
    """

    def get_serializer_class(self) -> Any:
        return NewCioOpinionSerializer if self.action == "create" else CioOpinionSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not has_capability(request.user, Capability.RATE_AS_CIO):
            self.permission_denied(request, message=str(_("You may not give CIO opinions.")))

    @extend_schema(request=NewCioOpinionSerializer, responses={201: CioOpinionSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {model: data[name] for model, name in NAMES.items()}
        try:
            opinion = record_cio_opinion(request.user, data["initiative"], values)
        except DjangoValidationError as error:
            raise invalid(error, NAMES) from None
        body = CioOpinionSerializer(opinion, context=self.get_serializer_context()).data
        response = Response(body, status=status.HTTP_201_CREATED)
        response["Location"] = reverse("api-cio-opinion-detail", kwargs={"pk": opinion.pk}, request=request)
        return response
