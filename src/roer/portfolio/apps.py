from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "roer.portfolio"
    verbose_name = _("Portfolio")

    def ready(self) -> None:
        from roer.audit.registry import register
        from roer.portfolio.models import CostLine, Initiative

        register(Initiative)
        register(CostLine)
