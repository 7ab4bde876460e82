"""The evaluation trend as an inline SVG line chart, computed here and drawn by a template.

No script: the chart is plain SVG with a title and a description, and the page's table holds
the same numbers as the accessible alternative. Each statement has its own dash pattern and
marker shape, so the lines differ without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from roer.governance.services.evaluations import QuarterTrend

WIDTH, PLOT_HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 24, 16, 48
LEGEND_ROW = 24
STYLES = [
    ("#01689b", ""),
    ("#a90061", "8 4"),
    ("#39870c", "2 4"),
    ("#b25b00", "12 4 2 4"),
    ("#42145f", "4 2"),
]
SHAPES = ("circle", "square", "diamond", "ring", "box")


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: Decimal


@dataclass(frozen=True)
class Series:
    label: str
    colour: str
    dash: str
    shape: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class LegendRow:
    series: Series
    y: int

    @property
    def text_y(self) -> int:
        return self.y + 5


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    series: list[Series]
    legend: list[LegendRow]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    left: int
    right: int
    top: int
    bottom: float
    title: str
    description: str


def _y(value: Decimal | int) -> float:
    span = PLOT_HEIGHT - TOP - BOTTOM
    return TOP + span * (5 - float(value)) / 4


def trend_chart(quarters: list[QuarterTrend], labels: list[str]) -> Chart:
    span = WIDTH - LEFT - RIGHT
    step = span / max(len(quarters) - 1, 1)
    xs = [LEFT + (step * index if len(quarters) > 1 else span / 2) for index in range(len(quarters))]
    series = []
    for index, label in enumerate(labels):
        colour, dash = STYLES[index % len(STYLES)]
        points = [
            Point(x, _y(quarter.mean_list()[index]), quarter.mean_list()[index])
            for x, quarter in zip(xs, quarters, strict=True)
        ]
        series.append(Series(label, colour, dash, SHAPES[index % len(SHAPES)], points))
    first, last = quarters[0], quarters[-1]
    description = _(
        "Mean score per statement from 1 (strongly disagree) to 5 (strongly agree), per quarter from %(first)s to "
        "%(last)s. In %(last)s, %(count)s members answered; the mean over all statements was %(overall)s."
    ) % {"first": first.label, "last": last.label, "count": last.respondents, "overall": last.overall}
    legend = [LegendRow(line, PLOT_HEIGHT + LEGEND_ROW * index) for index, line in enumerate(series)]
    return Chart(
        width=WIDTH,
        height=PLOT_HEIGHT + LEGEND_ROW * len(series),
        series=series,
        legend=legend,
        x_labels=[(x, quarter.label) for x, quarter in zip(xs, quarters, strict=True)],
        y_ticks=[(_y(score), score) for score in range(1, 6)],
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=PLOT_HEIGHT - BOTTOM,
        title=_("Evaluation of the business–IT collaboration per quarter"),
        description=description,
    )
