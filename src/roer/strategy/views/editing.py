"""What the form pages share: service errors onto the form, and the stale-save handling of versioned edits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from roer.core.stale import differences, retry_with
from roer.strategy.services import StaleVersion


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal on the form: by field where the form has that field, otherwise above it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, ValidationError(errors))


def save_versioned(
    request: HttpRequest,
    form: forms.BaseForm,
    context: dict[str, Any],
    update: Callable[[dict[str, Any], int], Any],
    fields: Iterable[str],
) -> Any | None:
    """Save through ``update(values, version)``; on a stale version fill ``context`` with the conflicts
    and arm the form for a deliberate retry; on a refusal show the errors. The saved object, or None."""
    try:
        return update(form.cleaned_data, form.cleaned_data["version"])
    except StaleVersion as stale:
        context.update(conflicts=differences(stale.current, form.cleaned_data, fields), stored=stale.current)
        retry_with(form, request.POST, stale.current.version)
    except ValidationError as error:
        show_errors(form, error)
    return None
