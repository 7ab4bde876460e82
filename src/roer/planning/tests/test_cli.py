"""The ``roer optimise`` contract: valid, invalid and infeasible input; never a stack trace."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from roer.planning import cli
from roer.planning.management.commands.optimise import Command
from roer.planning.optimiser import check

from .helpers import candidate, scenario

VALID = scenario([candidate("a", 10, [60], {"dev": [2]}), candidate("b", 8, [50])], budget=[100])
INFEASIBLE = scenario([candidate("law", 1, [150], mandatory=True)], budget=[100])


def run(tmp_path: Path, data: Any, *extra: str, raw: str | None = None) -> tuple[int, str, dict[str, Any] | None]:
    source, target = tmp_path / "scenario.json", tmp_path / "plan.json"
    source.write_text(raw if raw is not None else json.dumps(data))
    code = cli.main(["--input", str(source), "--output", str(target), "--time-limit", "5", *extra])
    plan = json.loads(target.read_text()) if target.exists() else None
    return code, str(target), plan


def test_valid_input_writes_a_checked_plan_and_shows_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, plan = run(tmp_path, VALID)
    assert code == 0
    assert plan is not None and check(VALID, plan) == []
    assert plan["status"] == "optimal"
    err = capsys.readouterr().err
    assert "solving the LP relaxation" in err
    assert "roer optimise: optimal: 1 of 2 funded" in err
    assert "Traceback" not in err


def test_gap_and_quiet_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, plan = run(tmp_path, VALID, "--gap", "0.5", "--quiet")
    assert code == 0 and plan is not None
    assert "LP relaxation" not in capsys.readouterr().err


def test_infeasible_input_exits_1_with_the_reason_and_a_plan_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, plan = run(tmp_path, INFEASIBLE)
    assert code == 1
    assert plan is not None and plan["status"] == "infeasible"
    assert "infeasible: mandatory items alone exceed the year 1 (quarters 0–3) budget by €50" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "raw", "message"),
    [
        (None, "{not json", "is not valid JSON: line 1, column 2"),
        ({**VALID, "quarters": "four"}, None, "quarters: must be a number (an integer)"),
        (scenario([candidate("a", 1, [1, 2], duration=1)]), None, 'candidates[0] "a".cost: has 2 amounts, expected 1'),
    ],
)
def test_invalid_input_exits_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: Any, raw: str | None, message: str
) -> None:
    code, _, plan = run(tmp_path, data, raw=raw)
    err = capsys.readouterr().err
    assert code == 2 and plan is None
    assert message in err and "Traceback" not in err


def test_missing_file_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--input", str(tmp_path / "nope.json"), "--output", "-"]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert cli.main(["--input", "x", "--output", "-", "--gap", "2"]) == 2
    assert "must be at least 0 and below 1" in capsys.readouterr().err
    assert cli.main(["--input", "x"]) == 2
    assert "--output" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.json"
    source.write_text(json.dumps(VALID))
    assert cli.main(["--input", str(source), "--output", str(tmp_path / "no" / "dir" / "plan.json")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_management_command_delegates(tmp_path: Path) -> None:
    source, target = tmp_path / "s.json", tmp_path / "p.json"
    source.write_text(json.dumps(INFEASIBLE))
    with pytest.raises(SystemExit) as info:
        Command().run_from_argv(["roer", "optimise", "--input", str(source), "--output", str(target), "--quiet"])
    assert info.value.code == 1
    assert json.loads(target.read_text())["status"] == "infeasible"


def test_a_stop_request_writes_the_best_plan_so_far_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_search import portfolio

    data = portfolio(400, seed=7)  # searches its whole time limit unless stopped
    source, target = tmp_path / "scenario.json", tmp_path / "plan.json"
    source.write_text(json.dumps(data))
    began = time.perf_counter()
    code = cli.run(str(source), str(target), 60.0, 1e-4, stop=lambda: time.perf_counter() - began > 1.0)
    assert code == 0 and time.perf_counter() - began < 15
    plan = json.loads(target.read_text())
    assert plan["status"] in ("optimal", "feasible") and check(data, plan) == []
    err = capsys.readouterr().err
    assert "stopped early on request; writing the best plan found so far" in err and "Traceback" not in err


def test_ctrl_c_stops_the_search_and_still_writes_the_plan(tmp_path: Path) -> None:
    from .test_search import portfolio

    data = portfolio(400, seed=7)
    source, target = tmp_path / "scenario.json", tmp_path / "plan.json"
    source.write_text(json.dumps(data))
    command = [sys.executable, "-m", "roer.planning.cli", "--input", str(source), "--output", str(target)]
    process = subprocess.Popen([*command, "--time-limit", "60"], stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    lines = []
    for line in process.stderr:  # wait until the search is under way
        lines.append(line)
        if "LP relaxation solved" in line:
            break
    began = time.perf_counter()
    process.send_signal(signal.SIGINT)
    _, rest = process.communicate(timeout=30)
    assert time.perf_counter() - began < 15, "Ctrl-C ends the search within seconds"
    err = "".join(lines) + rest
    assert process.returncode == 0, err
    assert "stopped early on request" in err and "Traceback" not in err
    plan = json.loads(target.read_text())
    assert plan["status"] in ("optimal", "feasible") and check(data, plan) == []
