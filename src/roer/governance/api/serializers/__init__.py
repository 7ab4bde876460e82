"""Governance as the API shows it (camelCase): bodies, proposals and their steps, decisions,
frameworks, compliance statements, the decision-rights matrix and meetings.

Every change goes through ``roer.governance.services``; these serializers only read and
check the shape of the input. Related objects are chosen among those the caller can see."""

from roer.governance.api.serializers.bodies import (
    AgendaItemSerializer,
    BodySerializer,
    MeetingSerializer,
    MembershipSerializer,
)
from roer.governance.api.serializers.decisions import DecisionSerializer, DissentSerializer
from roer.governance.api.serializers.frameworks import (
    ChangeComplianceStatementSerializer,
    ComplianceStatementSerializer,
    FrameworkSerializer,
    FrameworkVersionSerializer,
    NewComplianceStatementSerializer,
    RequirementSerializer,
)
from roer.governance.api.serializers.proposals import (
    ChangeProposalSerializer,
    ProposalSerializer,
    ScopeChangeSerializer,
)
from roer.governance.api.serializers.rights import (
    ChangeDecisionTypeSerializer,
    DecisionRightSerializer,
    DecisionTypeSerializer,
    RightInputSerializer,
)
from roer.governance.api.serializers.steps import (
    AdviceSerializer,
    CastVoteSerializer,
    CorrectionSerializer,
    DecideSerializer,
    GiveAdviceSerializer,
    ReclassificationSerializer,
    VoteSerializer,
    WithdrawalSerializer,
)

__all__ = [
    "AdviceSerializer",
    "AgendaItemSerializer",
    "BodySerializer",
    "CastVoteSerializer",
    "ChangeComplianceStatementSerializer",
    "ChangeDecisionTypeSerializer",
    "ChangeProposalSerializer",
    "ComplianceStatementSerializer",
    "CorrectionSerializer",
    "DecideSerializer",
    "DecisionRightSerializer",
    "DecisionSerializer",
    "DecisionTypeSerializer",
    "DissentSerializer",
    "FrameworkSerializer",
    "FrameworkVersionSerializer",
    "GiveAdviceSerializer",
    "MeetingSerializer",
    "MembershipSerializer",
    "NewComplianceStatementSerializer",
    "ProposalSerializer",
    "ReclassificationSerializer",
    "RequirementSerializer",
    "RightInputSerializer",
    "ScopeChangeSerializer",
    "VoteSerializer",
    "WithdrawalSerializer",
]
