"""Writing cost lines over the API, through ``save_sheet`` like the cost sheet page.

Only who may change the initiative *and* see its cost details may write its lines. An
initiative's cost lines form one sheet with one version (a hash of every line); a
line's ``ETag`` is that version, so a change based on an older sheet is refused with
412. A line is identified by year, category, capex/opex and one-off/recurring within
its kind; changing one of those replaces the line (it gets a new id, see ``Location``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from roer.api.exceptions import PreconditionFailed
from roer.portfolio.api.costs import DETAILS, CostLineSerializer, CostLineViewSet
from roer.portfolio.api.etags import require, tag, tagged
from roer.portfolio.api.report_writing import VisibleInitiativeField
from roer.portfolio.api.writing import changes_initiatives_somewhere
from roer.portfolio.models import CostCategory, CostKind, CostLine, CostNature, Initiative, Recurrence
from roer.portfolio.services.costs import SheetInvalid, StaleSheet, lines_of, save_sheet, sheet_version

KEY = ("year", "category", "nature", "recurrence")


class CostLineChangeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text=_("Year."))
    category = serializers.ChoiceField(choices=CostCategory.choices, help_text=_("Category."))
    nature = serializers.ChoiceField(choices=CostNature.choices, help_text=_("Capital or operating expenditure."))
    recurrence = serializers.ChoiceField(choices=Recurrence.choices, help_text=_("One-off or recurring."))
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text=_("Amount in euro, as a decimal string.")
    )


class NewCostLineSerializer(CostLineChangeSerializer):
    initiative = VisibleInitiativeField(
        slug_field="code", queryset=Initiative.objects.all(), help_text=_("Code of the initiative.")
    )
    kind = serializers.ChoiceField(choices=CostKind.choices, help_text=_("Plan, actual or forecast."))


def _row(line: CostLine) -> dict[str, Any]:
    return {"year": line.year, "category": line.category, "nature": line.nature, "recurrence": line.recurrence,
            "amount": line.amount}  # fmt: skip


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[name] for name in KEY)


def _invalid(refused: SheetInvalid) -> ValidationError:
    detail: dict[str, list[str]] = {}
    for problem in refused.problems:
        detail.setdefault(problem.field, []).append(problem.message)
    return ValidationError(detail)


@extend_schema_view(
    create=extend_schema(request=NewCostLineSerializer, responses={201: CostLineSerializer}),
    update=extend_schema(request=CostLineChangeSerializer, responses=CostLineSerializer),
    partial_update=extend_schema(request=CostLineChangeSerializer, responses=CostLineSerializer),
)
class CostLineWritingViewSet(CostLineViewSet):
    """Cost lines per year, category and kind, of the initiatives whose cost details you may see.

    Who may change an initiative and see its cost details adds and changes its lines.
    A line's `ETag` is the version of the initiative's whole cost sheet.
    """

    concurrency_control = True
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_serializer_class(self) -> Any:
        if self.action == "create":
            return NewCostLineSerializer
        if self.action in ("update", "partial_update"):
            return CostLineChangeSerializer
        return CostLineSerializer

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        if self.action == "create" and not changes_initiatives_somewhere(request.user):
            self.permission_denied(request, message=str(_("You may not change costs.")))

    def _shown(self, line: CostLine) -> Any:
        return CostLineSerializer(line, context=self.get_serializer_context()).data

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        line = self.get_object()
        return tagged(Response(self._shown(line)), sheet_version(line.initiative))

    def _saved(self, initiative: Initiative, kind: str, rows: list[dict[str, Any]], expected: str, key: Any) -> Any:
        try:
            version = save_sheet(self.request.user, initiative, kind, rows, expected)
        except SheetInvalid as refused:
            raise _invalid(refused) from None
        line = next(line for line in lines_of(initiative, kind) if _key(_row(line)) == key)
        return line, version

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        initiative, kind = data.pop("initiative"), data.pop("kind")
        if not request.user.has_perm(DETAILS, initiative):
            self.permission_denied(request, message=str(_("You may not change costs.")))
        for _attempt in range(3):  # another save of the sheet in between: read it again
            rows = [_row(line) for line in lines_of(initiative, kind)]
            if _key(data) in {_key(row) for row in rows}:
                raise ValidationError({"category": [_("A line with this year, category and kind exists; change it.")]})
            try:
                line, version = self._saved(initiative, kind, [*rows, data], sheet_version(initiative), _key(data))
            except StaleSheet:
                continue
            response = tagged(Response(self._shown(line), status=status.HTTP_201_CREATED), version)
            response["Location"] = reverse("api-cost-line-detail", kwargs={"pk": line.pk}, request=request)
            return response
        raise PreconditionFailed(current={}, etag=tag(sheet_version(initiative)))

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        line = self.get_object()
        initiative = line.initiative
        if not request.user.has_perm("portfolio.change_initiative", initiative):
            self.permission_denied(request, message=str(_("You may not change costs.")))
        expected = require(request, sheet_version(initiative), lambda: self._shown(line))
        serializer = self.get_serializer(data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        new = _row(line) | dict(serializer.validated_data)
        rows = [new if other.pk == line.pk else _row(other) for other in lines_of(initiative, line.kind)]
        try:
            saved, version = self._saved(initiative, line.kind, rows, expected, _key(new))
        except StaleSheet as stale:
            raise PreconditionFailed(current=self._shown(line), etag=tag(stale.version)) from None
        response = tagged(Response(self._shown(saved)), version)
        if saved.pk != line.pk:
            response["Location"] = reverse("api-cost-line-detail", kwargs={"pk": saved.pk}, request=request)
        return response

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)
