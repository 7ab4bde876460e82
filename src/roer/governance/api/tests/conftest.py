"""The governance tests' ``council`` fixture, for the API tests too."""

from roer.governance.tests.conftest import council

__all__ = ["council"]
