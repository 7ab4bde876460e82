"""Who is acting, and through which channel, for the audit records of this request or command.

A context variable, so that it follows the request through threads and async code
and never leaks from one request into the next.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    WEB = "web", _("Web page")
    ADMIN = "admin", _("Admin")
    API = "api", _("API")
    IMPORT = "import", _("Import")
    COMMAND = "command", _("Command line")
    SYSTEM = "system", _("System")


@dataclass
class AuditContext:
    actor: Any = None
    source: str = Source.SYSTEM
    label: str = ""
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def actor_label(self) -> str:
        if self.actor is not None and getattr(self.actor, "is_authenticated", False):
            return str(self.actor.get_username())
        return self.label or str(self.source)


# No shared default object: a default AuditContext would be one instance for every thread,
# and ``set_actor`` outside an ``acting`` block would then name that actor on unrelated work.
_current: ContextVar[AuditContext | None] = ContextVar("roer_audit_context", default=None)


def current() -> AuditContext:
    """The context of the enclosing ``acting`` block, or a fresh system context outside one."""
    return _current.get() or AuditContext()


@contextlib.contextmanager
def acting(actor: Any = None, source: str = Source.SYSTEM, label: str = "") -> Iterator[AuditContext]:
    """Run a block with ``actor`` and ``source`` recorded on every audit event it causes."""
    context = AuditContext(actor=actor, source=source, label=label)
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def set_actor(actor: Any) -> None:
    """Late identification, e.g. after the API authenticated a token inside the view."""
    context = _current.get()
    if context is not None:  # outside an ``acting`` block there is nothing to attach the actor to
        context.actor = actor
