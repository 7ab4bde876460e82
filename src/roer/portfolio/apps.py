from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "roer.portfolio"
    verbose_name = _("Portfolio")

    def ready(self) -> None:
        from roer.audit.registry import register
        from roer.portfolio import models as m

        # Everything a person records is audited; derived early warnings are not (they are recomputed).
        for model in (
            m.Initiative,
            m.CostLine,
            m.GateReview,
            m.LeverScore,
            m.Baseline,
            m.BaselineCost,
            m.Milestone,
            m.QualityReview,
            m.SocietalBenefit,
            m.DevelopmentParty,
            m.ParliamentaryDocument,
            m.StatusReport,
            m.CioOpinion,
            m.PortfolioPolicy,
            m.PublicationVersion,
        ):
            register(model)

        from roer.portfolio.services import signals

        signals.connect()  # early warnings refreshed on every change; baselines immutable
