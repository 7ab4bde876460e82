from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    """Planning: the ``roer optimise`` command, scoring and (later) scenarios."""

    name = "roer.planning"
    verbose_name = _("Planning")

    def ready(self) -> None:
        from roer.audit.registry import register
        from roer.planning.models import ScoringConfiguration

        register(ScoringConfiguration)
