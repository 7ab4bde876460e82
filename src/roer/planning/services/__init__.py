"""Scenarios in the app: building the optimiser's input from the portfolio, solving in the
background, what-if variants, the efficient frontier and applying a plan through a decision.

Every change goes through a function here (one transaction, permission checked); views,
the worker and the governance hook call them.
"""
