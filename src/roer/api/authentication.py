"""Token and session authentication for the API.

Both tell the audit trail who is acting: the audit middleware only knows the
session user, and a token is only checked once DRF handles the request.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from roer.api.models import ApiToken
from roer.audit.context import set_actor


class TokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <token>``; only the hash of the token is looked up."""

    keyword = "Token"

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = ApiToken.objects.find(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This person's account is deactivated."))
        token.touch()
        set_actor(token.user)
        return token.user, token


class SessionAuthentication(authentication.SessionAuthentication):
    """The signed-in web session, with the CSRF check for changes."""

    def authenticate(self, request: Request) -> tuple[Any, None] | None:
        result = super().authenticate(request)
        if result is not None:
            set_actor(result[0])
        return result
