"""US federal agency names as the 2012 IT Dashboard extract spells them, mapped to one name.

Written for Roer from the variants found in that extract. Variants that stand for more
than one agency ("DoE": Education or Energy; "the Department") are ambiguous and refused.
"""

from __future__ import annotations

CANONICAL = (
    "Department of Agriculture",
    "Department of Commerce",
    "Department of Defense",
    "Department of Education",
    "Department of Energy",
    "Department of Health and Human Services",
    "Department of Homeland Security",
    "Department of Housing and Urban Development",
    "Department of Justice",
    "Department of Labor",
    "Department of State",
    "Department of the Interior",
    "Department of the Treasury",
    "Department of Transportation",
    "Department of Veterans Affairs",
    "Environmental Protection Agency",
    "General Services Administration",
    "National Aeronautics and Space Administration",
    "National Archives and Records Administration",
    "National Science Foundation",
    "Nuclear Regulatory Commission",
    "Office of Personnel Management",
    "Small Business Administration",
    "Social Security Administration",
    "U.S. Agency for International Development",
    "U.S. Army Corps of Engineers",
)

VARIANTS = {
    "doa": "Department of Agriculture",
    "agriculture department": "Department of Agriculture",
    "department of agraculture": "Department of Agriculture",
    "doc": "Department of Commerce",
    "department of comerce": "Department of Commerce",
    "commerce department": "Department of Commerce",
    "dod": "Department of Defense",
    "defense department": "Department of Defense",
    "education department": "Department of Education",
    "energy department": "Department of Energy",
    "health department": "Department of Health and Human Services",
    "homeland department": "Department of Homeland Security",
    "doj": "Department of Justice",
    "justice department": "Department of Justice",
    "dol": "Department of Labor",
    "labor department": "Department of Labor",
    "dos": "Department of State",
    "state department": "Department of State",
    "dot": "Department of Transportation",
    "transportation department": "Department of Transportation",
    "department of transport": "Department of Transportation",
    "veterans department": "Department of Veterans Affairs",
    "gsa": "General Services Administration",
    "nrc": "Nuclear Regulatory Commission",
    "ssa": "Social Security Administration",
}

AMBIGUOUS = {
    "doe": ("Department of Education", "Department of Energy"),
    "the department": ("Department of the Interior", "Department of the Treasury"),
}

_BY_KEY = {name.lower(): name for name in CANONICAL} | VARIANTS


def agency(name: str) -> str | None:
    """The agency's one name, or None when the variant is unknown (see ``AMBIGUOUS`` first)."""
    return _BY_KEY.get(name.lower())
