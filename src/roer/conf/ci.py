"""Continuous integration: the test settings, with a real database from ``DATABASE_URL``."""

from roer.conf.test import *  # noqa: F403
