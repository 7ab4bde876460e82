"""``roer token USERNAME``: issue an API token for a person, list their tokens, or revoke them.

Only the token's hash is stored, so a token is shown once, when it is issued.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from roer.api.models import ApiToken
from roer.audit.context import Source, acting


class Command(BaseCommand):
    help = "Print a new API token for USERNAME (send it as 'Authorization: Token <token>'), or list or revoke tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--list", action="store_true", help="List the person's tokens instead of issuing one.")
        group.add_argument("--revoke", metavar="PREFIX", help="Revoke the person's token that starts with PREFIX.")
        group.add_argument("--revoke-all", action="store_true", help="Revoke all of the person's tokens.")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        person = get_user_model().objects.filter(username=username).first()
        if person is None:
            raise CommandError(_("There is no person with user name %(username)s.") % {"username": username})
        with acting(source=Source.COMMAND, label="command:token"), transaction.atomic():
            if options["list"]:
                self._list(person)
            elif options["revoke"]:
                self._revoke(person.api_tokens.active().filter(prefix__startswith=options["revoke"]))
            elif options["revoke_all"]:
                self._revoke(person.api_tokens.active())
            else:
                self._issue(person)

    def _issue(self, person: Any) -> None:
        if not person.is_active:
            raise CommandError(_("%(username)s is deactivated; no token issued.") % {"username": person.username})
        _record, token = ApiToken.objects.issue(person)
        # Only the token on standard output, so that scripts can capture it.
        self.stdout.write(token)

    def _list(self, person: Any) -> None:
        for token in person.api_tokens.all():
            state = (
                _("revoked %(when)s") % {"when": f"{token.revoked_at:%Y-%m-%d %H:%M}"}
                if token.revoked_at
                else _("active")
            )
            used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else _("never used")
            self.stdout.write(f"{token.prefix}…  {token.created_at:%Y-%m-%d %H:%M}  {used}  {state}")

    def _revoke(self, tokens: Any) -> None:
        revoked = 0
        for token in tokens:
            token.revoke()  # one by one, so that each revocation is audited
            revoked += 1
        if not revoked:
            raise CommandError(_("No active token matches."))
        self.stdout.write(_("Revoked %(count)d token(s).") % {"count": revoked})
