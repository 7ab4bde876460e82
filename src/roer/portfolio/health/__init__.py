"""Pure rules about an initiative's health: variance against the initial baseline,
the dual rating, and the early warnings. No Django import: tested and reused alone."""
