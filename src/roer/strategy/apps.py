from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "roer.strategy"
    verbose_name = _("Goals and KPIs")

    def ready(self) -> None:
        from roer.audit.registry import register
        from roer.strategy.models import KPI, Contribution, Goal, GoalKpi, Measurement

        for model in (Goal, KPI, GoalKpi, Measurement, Contribution):
            register(model)
