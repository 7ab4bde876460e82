from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "roer.governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from roer.audit.registry import register
        from roer.governance import models as m

        # Every step of a decision's path is audited; read marks on notifications are not worth a line.
        for model in (
            m.Body,
            m.Membership,
            m.DecisionType,
            m.DecisionRight,
            m.Proposal,
            m.ScopeChange,
            m.AdviceRequest,
            m.Vote,
            m.Decision,
            m.Dissent,
            m.Framework,
            m.FrameworkVersion,
            m.Requirement,
            m.ComplianceStatement,
            m.Meeting,
            m.AgendaItem,
            m.CollaborationEvaluation,
        ):
            register(model)
        register(m.Notification, ignored={"read_at", "emailed_at"})

        # Deadlines move without anyone visiting a page: the background worker (`roer worker`) runs this
        # every minute; `roer governance-deadlines` does the same from cron.
        from roer.core import periodic
        from roer.governance.services import flow

        periodic.register("governance-deadlines", 60, lambda: flow.process_deadlines())
