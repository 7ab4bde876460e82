"""Planning: pure computation for choosing and scheduling the portfolio.

Nothing under this package imports Django, except ``apps.py`` and the thin
``management/commands`` wrappers, so the optimiser can be tested, benchmarked
and run on its own (``roer.planning.cli``).
"""
