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

        # Scenarios: what people enter, and each plan applied by a decision (solve runs are derived, see SolveRun).
        from roer.governance.services.effects import on_decision
        from roer.planning.models import (
            PlanApplication,
            Scenario,
            ScenarioGroup,
            ScenarioGroupMember,
            ScenarioLink,
            Team,
        )
        from roer.planning.services.apply import apply_decision

        # Links are what people enter too: each dependency, group and member is audited.
        for model in (Scenario, Team, PlanApplication, ScenarioLink, ScenarioGroup, ScenarioGroupMember):
            register(model)
        from roer.planning.models.scenarios import StopRequest

        register(StopRequest)  # who stopped a solve, and when (the run itself is not audited)
        on_decision("plan", apply_decision)
