"""``python -m orglint``."""

from orglint.cli import run

run()
