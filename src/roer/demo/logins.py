"""The table of demo logins that ``roer demo`` and ``make run`` print."""

from __future__ import annotations

import datetime

from roer.demo.data.people import DEMO_PASSWORD, PEOPLE
from roer.demo.data.units import UNITS

_UNIT_NAMES = {unit.code: unit.name for unit in UNITS}


def login_rows(today: datetime.date) -> list[tuple[str, str, str]]:
    """(username, role, unit) per role; the username only on a person's first row."""
    rows: list[tuple[str, str, str]] = []
    for person in PEOPLE:
        if person.superuser:
            rows.append((person.username, "Superuser (Django admin at /admin/)", "all organisations"))
            continue
        for index, role in enumerate(person.roles):
            label = str(role.role.label)
            if role.valid_until and role.valid_until < today:
                label += f" (ended {role.valid_until.isoformat()})"
            rows.append((person.username if index == 0 else "", label, _UNIT_NAMES[role.unit]))
    return rows


def login_table(today: datetime.date) -> str:
    rows = [("Username", "Role", "Unit"), *login_rows(today)]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    lines = [f"Demo logins: every account below signs in with the password {DEMO_PASSWORD}", ""]
    for number, (username, role, unit) in enumerate(rows):
        lines.append(f"  {username:<{widths[0]}}  {role:<{widths[1]}}  {unit}".rstrip())
        if number == 0:
            lines.append(f"  {'-' * widths[0]}  {'-' * widths[1]}  {'-' * 4}")
    return "\n".join(lines)
