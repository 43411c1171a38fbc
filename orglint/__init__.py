"""orglint: a linter for org charts kept as code.

The public API for rule authors::

    from orglint import Org, Option, rule
"""

from orglint.model import Location, Org, Person, Product, Unit
from orglint.rule import Finding, Option, Options, Related, Rule, Severity, rule

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "Location",
    "Option",
    "Options",
    "Org",
    "Person",
    "Product",
    "Related",
    "Rule",
    "Severity",
    "Unit",
    "__version__",
    "rule",
]
