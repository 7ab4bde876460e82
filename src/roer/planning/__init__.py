"""Planning: choosing and scheduling the portfolio.

The computation is pure Python: ``optimiser`` and ``scoring`` (except
``scoring/services.py``, which feeds it from the portfolio) import no Django, so they
can be tested, benchmarked and run on their own (``roer.planning.cli``). The app's
models, views and services (scoring configuration, scenarios) build on them.
"""
