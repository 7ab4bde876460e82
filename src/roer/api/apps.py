from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "roer.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from roer.api import schema  # noqa: F401  (registers the OpenAPI description of session authentication)
        from roer.api.models import ApiToken
        from roer.audit.registry import register

        # Issuing and revoking a token is audited; its hash never appears in a record.
        register(ApiToken, masked={"key_hash"}, ignored={"last_used_at"})
