"""Export and import of portfolios in the Rijks ICT-dashboard open-data format (and the US IT Dashboard's)."""
