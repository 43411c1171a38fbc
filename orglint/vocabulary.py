"""The vocabulary of the org chart format (docs/format.md): functions, roles and the function each
belongs to, the C-level role of each function, unit types and strategies.

Used by the importers, the model, the title reader (orglint.titles) and the rules; order matters:
it is the format's.
"""

from __future__ import annotations

# The vocabulary of the format (docs/format.md). Order matters: it is the format's.

FUNCTIONS: tuple[str, ...] = (
    "executive",
    "product",
    "engineering",
    "design",
    "data",
    "marketing",
    "sales",
    "support",
    "customer-success",
    "finance",
    "legal",
    "people",
    "operations",
    "program-management",
    "documentation",
)

ROLE_FUNCTION: dict[str, str] = {
    "ceo": "executive",
    "coo": "operations",
    "cfo": "finance",
    "cto": "engineering",
    "cpo": "product",
    "cmo": "marketing",
    "cro": "sales",
    "clo": "legal",
    "chro": "people",
    "cdo": "data",
    "business-unit-head": "executive",
    "product-manager": "product",
    "product-owner": "product",
    "product-marketing-manager": "marketing",
    "pre-sales-engineer": "sales",
    "customer-success": "customer-success",
    "engineer": "engineering",
    "engineering-manager": "engineering",
    "designer": "design",
    "data-scientist": "data",
    "marketer": "marketing",
    "sales": "sales",
    "support-engineer": "support",
    "program-manager": "program-management",
    "technical-writer": "documentation",
    "finance": "finance",
    "legal": "legal",
    "people": "people",
    "operations": "operations",
}

ROLES: tuple[str, ...] = tuple(ROLE_FUNCTION)

CHIEF_ROLE: dict[str, str] = {
    "executive": "ceo",
    "operations": "coo",
    "finance": "cfo",
    "engineering": "cto",
    "product": "cpo",
    "marketing": "cmo",
    "sales": "cro",
    "legal": "clo",
    "people": "chro",
    "data": "cdo",
}

UNIT_TYPES: tuple[str, ...] = (
    "company",
    "department",
    "business-unit",
    "team",
    "squad",
    "tribe",
    "chapter",
    "guild",
    "platform",
    "value-stream",
    "explore",
    "exploit",
)

STRATEGIES: tuple[str, ...] = (
    "product-led",
    "product-led-growth",
    "product-led-sales",
    "product-centric",
    "product-oriented",
    "product-operating-model",
    "sales-led",
    "service-oriented",
    "technology-driven",
)

PRODUCT_STRATEGIES: frozenset[str] = frozenset(s for s in STRATEGIES if s.startswith("product-"))
