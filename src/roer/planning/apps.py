from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    """Registers the app so Django finds the ``roer optimise`` command."""

    name = "roer.planning"
    verbose_name = _("Planning")
