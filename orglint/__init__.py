"""orglint: a linter for org charts kept as code."""
