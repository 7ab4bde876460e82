"""Pages of the portfolio, one module per area."""
