"""Settings per environment: ``base`` plus ``dev``, ``test``, ``ci`` and ``production``."""
