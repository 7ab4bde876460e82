"""CI runs the suite a second time on PostgreSQL; this makes sure that run really used it."""

import os

import pytest
from django.db import connection


def test_the_expected_database_is_in_use(db):
    expected = os.environ.get("ROER_EXPECT_DATABASE")
    if not expected:
        pytest.skip("ROER_EXPECT_DATABASE not set: the suite runs on whatever DATABASE_URL selects (SQLite by default)")
    assert connection.vendor == expected
