"""Progress of a running solve: stored in English with its numbers apart, shown in the reader's language."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from roer.planning.models import SolveRun
from roer.planning.services import runs
from roer.planning.services.texts import PHASES, progress_line, progress_record
from roer.planning.tests.scenario_setup import portfolio, scenario

pytestmark = pytest.mark.django_db


def test_every_optimiser_message_has_a_dutch_wording_with_local_numbers() -> None:
    stored = progress_record("exact search: better plan", 35585.68, 40820.08)
    with translation.override("en"):
        assert progress_line(stored) == "Exact search: better plan: value 35,585.7, bound 40,820.1"
    with translation.override("nl"):
        assert progress_line(stored) == "Exact zoeken: beter plan: waarde 35.585,7, bovengrens 40.820,1"
        assert progress_line(progress_record("exact search: core of 269 candidates", 1.25, None)) == (
            "Exact zoeken in een kern van 269 kandidaten: waarde 1,2"
        )
        assert progress_line("Waiting for the worker") == "Wacht op de achtergrondverwerking"
        for message in PHASES:  # none is left in English
            assert progress_line(message) != PHASES[message], message


def test_the_worker_stores_what_the_optimiser_reports(world: Any) -> None:
    portfolio(world)
    run = runs.queue_run(world.alice, scenario(world), time_limit=5)
    reporter = runs._Reporter(run, time_limit=5.0)
    reporter("exact search: better plan", 1.0, 120.5, 130.25)
    stored = SolveRun.objects.get(pk=run.pk)
    assert stored.progress_text == "exact search: better plan\t120.5\t130.2"
    with translation.override("nl"):
        assert stored.progress_line == "Exact zoeken: beter plan: waarde 120,5, bovengrens 130,2"
