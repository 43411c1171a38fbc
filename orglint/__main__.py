"""``python -m orglint``."""

from orglint.cli import main

main()
