"""Proposal pages: list, drafting, detail and every step, each with a permitted user, a viewer and an outsider."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from roer.governance.models import (
    AdviceState,
    Basis,
    Decision,
    Proposal,
    ProposalState,
    Scope,
    ScopeChange,
    Vote,
)
from roer.governance.services import flow
from roer.governance.tests import proposal_setup as setup
from roer.governance.tests.conftest import Council
from roer.organisation.models import Person

pytestmark = pytest.mark.django_db


def _url(name: str, proposal: Proposal) -> str:
    return reverse(f"governance:{name}", args=[proposal.reference])


def _as(client: Client, person: Person) -> Client:
    client.force_login(person)
    return client


class TestList:
    def test_lists_what_the_person_may_see_with_filters(self, client: Client, council: Council) -> None:
        draft = setup.policy(council, Scope.LOCAL, title="Cloudbeleid")
        voting = setup.voting(council)
        response = _as(client, council.world.bob).get(reverse("governance:proposal-list"))
        assert response.status_code == 200
        assert draft.reference in response.text and voting.reference in response.text
        assert "New proposal" not in response.text  # a viewer does not propose
        filtered = client.get(reverse("governance:proposal-list"), {"state": "voting"})
        assert voting.reference in filtered.text and draft.reference not in filtered.text
        by_scope = client.get(reverse("governance:proposal-list"), {"scope": "local", "q": "Cloud"})
        assert draft.reference in by_scope.text and voting.reference not in by_scope.text

    def test_the_outsider_sees_none(self, client: Client, council: Council) -> None:
        proposal = setup.policy(council)
        response = _as(client, council.world.charlie).get(reverse("governance:proposal-list"))
        assert response.status_code == 200
        assert proposal.reference not in response.text

    def test_paginates(self, client: Client, council: Council, settings: object) -> None:
        settings.ROER_PAGE_SIZE = 2  # type: ignore[attr-defined]
        made = [setup.policy(council, Scope.LOCAL, title=f"Voorstel {n}") for n in range(3)]
        first = _as(client, council.paul).get(reverse("governance:proposal-list"))
        assert "Page 1 of 2" in first.text
        second = client.get(reverse("governance:proposal-list"), {"page": 2})
        assert made[0].reference in second.text and made[2].reference not in second.text


class TestDrafting:
    def test_the_subject_decides_the_fields(self, client: Client, council: Council) -> None:
        _as(client, council.paul)
        first = client.get(reverse("governance:proposal-create"))
        assert first.status_code == 200
        assert 'name="title"' not in first.text and 'name="subject_kind"' in first.text
        policy = client.get(reverse("governance:proposal-create"), {"subject_kind": "policy"})
        assert 'name="policy_topic"' in policy.text and 'name="initiative"' not in policy.text
        gate = client.get(reverse("governance:proposal-create"), {"subject_kind": "gate"})
        assert 'name="initiative"' in gate.text and 'name="gate"' in gate.text
        assert 'name="policy_topic"' not in gate.text
        # Only what the proposer may see: not the other organisation's unit.
        assert "Gemeente Anders" not in gate.text

    def test_creates_a_draft(self, client: Client, council: Council) -> None:
        response = _as(client, council.paul).post(
            reverse("governance:proposal-create"),
            {
                "subject_kind": "policy",
                "title": "Cloud first",
                "summary": "Eerst de publieke cloud overwegen.",
                "policy_topic": "Cloudgebruik",
                "decision_type": council.kind("policy").pk,
                "org_unit": council.world.department.pk,
                "scope": "cross_cutting",
                "scope_reason": "Raakt het hele ministerie.",
                "body": council.body.pk,
            },
        )
        proposal = Proposal.objects.get(title="Cloud first")
        assert response.status_code == 302
        assert response["Location"] == _url("proposal-detail", proposal)
        assert proposal.state == ProposalState.DRAFT and proposal.proposer == council.paul
        assert proposal.body == council.body

    def test_a_cross_cutting_proposal_needs_a_body_and_a_scope_reason(self, client: Client, council: Council) -> None:
        response = _as(client, council.paul).post(
            reverse("governance:proposal-create"),
            {
                "subject_kind": "policy",
                "title": "Cloud first",
                "summary": "Eerst de cloud.",
                "policy_topic": "Cloud",
                "decision_type": council.kind("policy").pk,
                "org_unit": council.world.department.pk,
                "scope": "cross_cutting",
                "scope_reason": "Raakt alle DG's.",
            },
        )
        assert response.status_code == 200
        assert "choose the body" in response.text and 'id="id_body_error"' in response.text
        blank = client.post(reverse("governance:proposal-create"), {"subject_kind": "policy", "scope_reason": " "})
        assert 'id="id_scope_reason_error"' in blank.text
        assert not Proposal.objects.exists()

    def test_a_viewer_and_an_outsider_may_not_propose(self, client: Client, council: Council) -> None:
        assert _as(client, council.world.bob).get(reverse("governance:proposal-create")).status_code == 403
        assert _as(client, council.world.charlie).get(reverse("governance:proposal-create")).status_code == 403
        # A viewer who forges the form is refused by the service.
        response = _as(client, council.world.bob).post(
            reverse("governance:proposal-create") + "?subject_kind=policy", {"subject_kind": "policy"}
        )
        assert response.status_code == 403

    def test_edit_a_draft_and_a_stale_edit_is_refused_with_the_differences(
        self, client: Client, council: Council
    ) -> None:
        proposal = setup.policy(council)
        _as(client, council.paul)
        form = client.get(_url("proposal-edit", proposal))
        assert form.status_code == 200 and 'name="scope"' not in form.text  # scope: by reclassification only
        values = {
            "title": "Generatieve AI, herzien",
            "summary": proposal.summary,
            "policy_topic": "Generatieve AI",
            "decision_type": proposal.decision_type_id,
            "org_unit": proposal.org_unit_id,
            "scope_reason": proposal.scope_reason,
            "body": council.body.pk,
            "version": proposal.version,
        }
        flow.update_proposal(council.paul, proposal, {"title": "Meanwhile"}, proposal.version)
        stale = client.post(_url("proposal-edit", proposal), values)
        assert stale.status_code == 200
        assert "Values that differ" in stale.text and "Meanwhile" in stale.text
        assert Proposal.objects.get(pk=proposal.pk).title == "Meanwhile"
        assert f'name="version" value="{proposal.version + 1}"' in stale.text
        saved = client.post(_url("proposal-edit", proposal), values | {"version": proposal.version + 1})
        assert saved.status_code == 302
        assert Proposal.objects.get(pk=proposal.pk).title == "Generatieve AI, herzien"

    def test_only_the_proposer_edits(self, client: Client, council: Council) -> None:
        proposal = setup.policy(council)
        assert _as(client, council.world.alice).get(_url("proposal-edit", proposal)).status_code == 403
        assert _as(client, council.world.charlie).get(_url("proposal-edit", proposal)).status_code == 404

    def test_submit_and_withdraw(self, client: Client, council: Council) -> None:
        proposal = setup.policy(council)
        assert _as(client, council.world.bob).post(_url("proposal-submit", proposal)).status_code == 403
        response = _as(client, council.paul).post(_url("proposal-submit", proposal))
        assert response.status_code == 302
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.ADVICE
        empty = client.post(_url("proposal-withdraw", proposal), {"reason": ""})
        assert empty.status_code == 200 and 'id="id_reason_error"' in empty.text
        client.post(_url("proposal-withdraw", proposal), {"reason": "Wordt landelijk geregeld."})
        proposal.refresh_from_db()
        assert proposal.state == ProposalState.WITHDRAWN
        assert proposal.withdrawal_reason == "Wordt landelijk geregeld."
        assert _as(client, council.world.alice).get(_url("proposal-withdraw", proposal)).status_code == 403

    def test_reclassify_with_a_reason(self, client: Client, council: Council) -> None:
        proposal = setup.policy(council, Scope.LOCAL)
        flow.submit(council.paul, proposal)
        assert _as(client, council.paul).get(_url("proposal-reclassify", proposal)).status_code == 403
        _as(client, council.world.alice)
        assert client.get(_url("proposal-reclassify", proposal)).status_code == 200
        response = client.post(
            _url("proposal-reclassify", proposal),
            {"to_scope": "cross_cutting", "reason": "Raakt ook DG Wonen.", "body": council.body.pk},
        )
        assert response.status_code == 302
        proposal.refresh_from_db()
        assert proposal.scope == Scope.CROSS_CUTTING and proposal.body == council.body
        change = ScopeChange.objects.get(proposal=proposal)
        assert change.reason == "Raakt ook DG Wonen."
        detail = client.get(_url("proposal-detail", proposal))
        assert "Raakt ook DG Wonen." in detail.text


class TestDetail:
    def test_shows_every_fact_and_the_advice(self, client: Client, council: Council) -> None:
        proposal = setup.gate(council)
        flow.submit(council.paul, proposal)
        flow.give_advice(council.tim, proposal, "technology_officer", "conditional", "Alleen met exit-plan.")
        response = _as(client, council.world.bob).get(_url("proposal-detail", proposal))
        assert response.status_code == 200
        text = response.text
        for fact in (
            "Goedkeuring Regie op gegevens",
            "MINBZ-0001",
            "Awaiting advice",
            "advice due by",
            "Alleen met exit-plan.",
            "Conditional",
            "Tim Peters",
            "Binnen het eigen budget",
        ):
            assert fact in text, fact
        assert "Still awaited from:" in text
        # A viewer may look, not act.
        for form in ("Give your advice", "Your vote", "Take the decision", "Reclassify", "Withdraw"):
            assert form not in text, form

    def test_the_outsider_is_refused(self, client: Client, council: Council) -> None:
        proposal = setup.gate(council)
        assert _as(client, council.world.charlie).get(_url("proposal-detail", proposal)).status_code == 404
        response = client.post(_url("proposal-decide", proposal), {"outcome": "approved", "rationale": "Ja."})
        assert response.status_code == 404

    def test_an_adviser_gives_advice_through_the_page(self, client: Client, council: Council) -> None:
        proposal = setup.gate(council)
        flow.submit(council.paul, proposal)
        _as(client, council.dirk)
        page = client.get(_url("proposal-detail", proposal))
        assert "Give your advice" in page.text and "You advise as Data officer" in page.text
        empty = client.post(_url("proposal-advice", proposal), {"role": "data_officer", "position": "positive"})
        assert empty.status_code == 200 and 'id="id_text_error"' in empty.text
        done = client.post(
            _url("proposal-advice", proposal), {"role": "data_officer", "position": "negative", "text": "Geen."}
        )
        assert done.status_code == 302
        request = proposal.advice.get(role="data_officer")
        assert request.state == AdviceState.GIVEN and request.adviser == council.dirk
        # Someone without the role cannot advise.
        forged = _as(client, council.paul).post(
            _url("proposal-advice", proposal), {"role": "technology_officer", "position": "positive", "text": "Ja."}
        )
        assert forged.status_code == 403
        assert proposal.advice.get(role="technology_officer").state == AdviceState.REQUESTED

    def test_a_member_votes_and_the_tally_shows_each_position(self, client: Client, council: Council) -> None:
        proposal = setup.voting(council)
        _as(client, council.otto)
        page = client.get(_url("proposal-detail", proposal))
        assert "Your vote" in page.text and "Quorum reached and no objection" in page.text
        no_reason = client.post(_url("proposal-vote", proposal), {"position": "object"})
        assert no_reason.status_code == 200 and "An objection needs its reason." in no_reason.text
        client.post(_url("proposal-vote", proposal), {"position": "object", "reason": "Te vroeg."})
        assert Vote.objects.get(proposal=proposal, member=council.otto).reason == "Te vroeg."
        viewer = _as(client, council.world.bob).get(_url("proposal-detail", proposal))
        assert "Te vroeg." in viewer.text and "Not voted" in viewer.text and "Otto Mulder" in viewer.text
        assert "Record my vote" not in viewer.text
        # An advisory member and a viewer cannot vote.
        assert _as(client, council.tim).post(_url("proposal-vote", proposal), {"position": "agree"}).status_code == 403
        assert Vote.objects.filter(proposal=proposal).count() == 1

    def test_the_local_cio_decides_through_the_page(self, client: Client, council: Council) -> None:
        proposal = setup.awaiting_decision(council)
        _as(client, council.world.alice)
        page = client.get(_url("proposal-detail", proposal))
        assert "Take the decision" in page.text
        missing = client.post(_url("proposal-decide", proposal), {"outcome": "conditional", "rationale": "Ja."})
        assert missing.status_code == 200 and 'id="id_conditions_error"' in missing.text
        response = client.post(_url("proposal-decide", proposal), {"outcome": "approved", "rationale": "Past."})
        decision = Decision.objects.get(proposal=proposal)
        assert response.status_code == 302
        assert response["Location"] == reverse("governance:decision-detail", args=[decision.reference])
        assert decision.basis == Basis.UNIT_MANDATE and decision.decided_by == council.world.alice

    def test_a_person_without_the_accountable_role_cannot_decide_through_a_page(
        self, client: Client, council: Council
    ) -> None:
        proposal = setup.awaiting_decision(council)
        values = {"outcome": "approved", "rationale": "Ik besluit."}
        # A viewer, the proposer, and the ministry's CIO (autonomy: the department decides its own matters).
        for person in (council.world.bob, council.paul, council.marc):
            page = _as(client, person).get(_url("proposal-detail", proposal))
            assert "Take the decision" not in page.text
            assert client.post(_url("proposal-decide", proposal), values).status_code == 403, person
        # Another department's CIO does not even see it.
        assert _as(client, council.otto).post(_url("proposal-decide", proposal), values).status_code == 404
        assert not Decision.objects.exists()
        assert Proposal.objects.get(pk=proposal.pk).state == ProposalState.AWAITING_DECISION

    def test_the_mandate_holder_decides_an_escalation_and_the_dissent_is_recorded(
        self, client: Client, council: Council
    ) -> None:
        proposal = setup.escalated(council)
        assert (
            _as(client, council.world.alice)
            .post(_url("proposal-decide", proposal), {"outcome": "approved", "rationale": "Ik."})
            .status_code
            == 403
        )
        _as(client, council.marc)
        page = client.get(_url("proposal-detail", proposal))
        assert "you decide by mandate" in page.text
        client.post(_url("proposal-decide", proposal), {"outcome": "approved", "rationale": "Eén lijn."})
        decision = Decision.objects.get(proposal=proposal)
        assert decision.basis == Basis.MANDATE
        assert decision.dissent.get().member == council.otto

    def test_deciding_before_the_advice_is_in_is_refused_with_the_reason(
        self, client: Client, council: Council
    ) -> None:
        proposal = setup.gate(council)
        flow.submit(council.paul, proposal)
        response = _as(client, council.world.alice).post(
            _url("proposal-decide", proposal), {"outcome": "approved", "rationale": "Ja."}, follow=True
        )
        assert "The required advice is not in yet" in response.text
        assert not Decision.objects.exists()


class TestHome:
    def test_lists_the_persons_open_work(self, client: Client, council: Council) -> None:
        local = setup.awaiting_decision(council)
        voting = setup.voting(council)
        advice = setup.policy(council, Scope.LOCAL, title="Privacybeleid")
        flow.submit(council.paul, advice)
        _as(client, council.world.alice)
        page = client.get(reverse("governance:home"))
        assert page.status_code == 200
        assert "Decisions due from you" in page.text and local.reference in page.text
        assert "Votes due" in page.text and voting.reference in page.text and "you have not voted yet" in page.text
        assert "Advice you must give" not in page.text
        advisers = _as(client, council.petra).get(reverse("governance:home")).text
        assert "Advice you must give" in advisers and advice.reference in advisers and "as Privacy officer" in advisers
        flow.cast_vote(council.otto, voting, "object", "Nee.")
        otto = _as(client, council.otto).get(reverse("governance:home")).text
        assert "you voted Object (you may still change it)" in otto

    def test_escalated_to_the_mandate_holder(self, client: Client, council: Council) -> None:
        proposal = setup.escalated(council)
        page = _as(client, council.marc).get(reverse("governance:home")).text
        assert "Escalated to you" in page and proposal.reference in page
        # The sub navigation reaches every area whose page exists.
        for label in ("Overview", "Proposals", "Decisions", "Inbox"):
            assert f">{label}" in page, label

    def test_a_viewer_has_no_open_work_and_the_outsider_sees_nothing(self, client: Client, council: Council) -> None:
        setup.awaiting_decision(council)
        viewer = _as(client, council.world.bob).get(reverse("governance:home"))
        assert viewer.status_code == 200 and "Nothing awaits you" in viewer.text
        outsider = _as(client, council.world.charlie).get(reverse("governance:home"))
        assert outsider.status_code == 200 and "B-20" not in outsider.text
        assert client.post(reverse("governance:home")).status_code == 405


class TestLanguageAndNavigation:
    def test_the_vote_in_dutch(self, client: Client, council: Council) -> None:
        proposal = setup.voting(council)
        flow.cast_vote(council.otto, proposal, "object", "Te vroeg.")
        page = _as(client, council.world.bob).get(_url("proposal-detail", proposal), HTTP_ACCEPT_LANGUAGE="nl")
        assert 'lang="nl"' in page.text
        assert "Bezwaar" in page.text and "Stemming in de raad" in page.text and "Besturing" in page.text

    def test_the_sub_navigation_leaves_out_an_area_not_built_yet(
        self, client: Client, council: Council, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from roer.governance.templatetags import governance_nav

        items = governance_nav._items()
        monkeypatch.setattr(governance_nav, "_items", lambda: [*items, ("governance:not-built", "Not built")])
        page = _as(client, council.world.bob).get(reverse("governance:proposal-list"))
        assert page.status_code == 200
        assert "Not built" not in page.text and 'aria-current="page">Proposals' in page.text
