"""Roer: govern an organisation's IT portfolio and digital transformation."""

__version__ = "0.1.0"
