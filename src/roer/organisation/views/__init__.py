"""Pages for org units, people and their role assignments. Thin: queries in query sets and
forms, changes in ``services``, permissions in the ``rules`` predicates."""

from roer.organisation.views.assignments import assignment_add, assignment_end
from roer.organisation.views.people import person_detail, person_history, person_list
from roer.organisation.views.units import unit_detail, unit_history, unit_list

__all__ = [
    "assignment_add",
    "assignment_end",
    "person_detail",
    "person_history",
    "person_list",
    "unit_detail",
    "unit_history",
    "unit_list",
]
