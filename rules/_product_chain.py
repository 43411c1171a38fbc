"""Helpers shared by the R and L rules: who leads product, and who stands above whom.

Not a rule module (its name starts with "_", so the pack loader skips it).

The notions, all linear in the size of the org:

- The CEO's product seat. The CEO is "the head of the product function" (R001)
  when they hold `cpo`, when their title marks them as a product leader, or
  when they are the `lead` of a product unit and nobody else leads product.
  A CEO who is merely listed as lead of a product unit while a VP of Product
  (or any other product leader) exists is taken as a nominal lead: the real
  seat is that other leader's.
- The heads of product *below the CEO* (:func:`product_heads`): leaders of the
  product function with no other product leader above them, not counting the
  CEO. When the CEO does not lead product these are exactly ``org.heads``;
  when the CEO does, R001 speaks about the CEO and the L rules still judge
  where the product leaders under the CEO sit.
- :func:`leader_above`: the nearest leader of a function in a person's chain of
  command, strictly above them and before the CEO. It first asks the Org's
  precomputed ``has_leader_above`` (constant time), and walks a chain only when
  there is someone to find or to name; walks are memoized per call site, so
  asking it for thousands of product managers stays linear.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from orglint import Severity

PM_ROLES = ("product-manager", "product-owner")

ROLE_LABEL = {
    "ceo": "CEO",
    "cpo": "chief product officer",
    "cto": "chief technology officer",
    "cmo": "chief marketing officer",
    "product-manager": "product manager",
    "product-owner": "product owner",
    "marketer": "marketer",
}

def role_field(person, *roles: str) -> str:
    """The field that gives the person these roles: ``roles`` when written there, else ``title``."""
    if any(role in person.explicit_roles for role in roles):
        return "roles"
    return "title" if person.title else "roles"


def held(person, *roles: str) -> list[str]:
    """The roles among ``roles`` that the person holds, in the order asked."""
    return [role for role in roles if role in person.roles]


def product_units_led(org, person) -> list:
    """The units of function product that the person is the `lead` of."""
    return [unit for unit in org.unit_leads.get(person.id, ()) if unit.function == "product"]


def ceo_product_seat(org) -> str | None:
    """Why the CEO is the head of the product function, or None.

    "cpo": holds the chief product officer role; "title": the title marks them
    as a product leader; "unit": leads a product unit and nobody else leads
    product. Holding product-manager / product-owner is not leading the
    function (R001 reports it separately).
    """
    ceo = org.ceo
    if ceo is None:
        return None
    if ceo.holds("cpo"):
        return "cpo"
    if "product" in ceo.leads:
        return "title"
    if org.leads_function(ceo, "product"):
        if all(leader is ceo for leader in org.leaders("product")):
            return "unit"
    return None


class NearestAbove:
    """Memoized: the nearest person strictly above someone, and below ``stop``, for whom ``matches``
    holds (None when there is none). Each person's chain is walked at most once per instance, so
    asking for everyone stays linear. A reporting cycle ends the walk (S001 reports it)."""

    def __init__(self, org, matches, stop=None):
        self.org = org
        self.matches = matches
        self.stop = stop
        self._memo: dict[str, object] = {}

    def __call__(self, person):
        org = self.org
        memo = self._memo
        if person.id in memo:
            return memo[person.id]
        path = []
        on_path = set()
        current = person
        found = None
        while True:
            if current.id in memo:
                found = memo[current.id]
                break
            manager = org.manager_of(current)
            if manager is None or manager is self.stop or manager.id in on_path:
                break
            path.append(current)
            on_path.add(current.id)
            if self.matches(manager):
                found = manager
                break
            current = manager
        for member in path:
            memo[member.id] = found
        memo[person.id] = found
        return found


class Chains:
    """Memoized "nearest leader of F above this person, before the CEO" for one rule run."""

    def __init__(self, org):
        self.org = org
        self.ceo = org.ceo
        self._nearest: dict[str, NearestAbove | None] = {}

    def leader_above(self, person, function: str):
        """The nearest leader of ``function`` strictly above ``person`` and below the CEO, or None.

        The CEO and anyone above the CEO are not counted ("before the CEO").
        """
        org = self.org
        if not org.has_leader_above(person, function):
            return None
        if function not in self._nearest:
            # Nobody but the CEO leads the function: nobody to find (and no walk to make).
            nobody = all(leader is self.ceo for leader in org.leaders(function))
            self._nearest[function] = None if nobody else NearestAbove(
                org, lambda manager: org.leads_function(manager, function), stop=self.ceo
            )
        nearest = self._nearest[function]
        return nearest(person) if nearest is not None else None


def product_heads(org, chains: Chains | None = None) -> list:
    """The heads of the product function below the CEO, in file order (see the module doc)."""
    ceo = org.ceo
    if ceo is None or not org.leads_function(ceo, "product"):
        return org.heads("product")
    chains = chains or Chains(org)
    return [
        leader
        for leader in org.leaders("product")
        if leader is not ceo and chains.leader_above(leader, "product") is None
    ]


def product_people_with_pm_roles(org) -> Iterator:
    """Everyone holding product-manager or product-owner, in file order."""
    for person in org.people_in("product"):
        if person.holds(*PM_ROLES):
            yield person


def primary_head(org, heads: list):
    """The head to name when several lead product: one reporting to the CEO, else the first."""
    ceo = org.ceo
    for head in heads:
        if ceo is not None and head.reports_to == ceo.id:
            return head
    return heads[0] if heads else None


def product_under(org, function: str, *, min_severity: str | Severity | None = None, why: str = "") -> Iterator:
    """L003-L005: product leadership whose chain of command passes through a leader of ``function``.

    Checks each head of product below the CEO; with no head at all, each
    product manager and product owner. Yields one finding per person.
    """
    chains = Chains(org)
    heads = product_heads(org, chains)
    ceo = org.ceo
    noun = f"{'an' if function[0] in 'aeiou' else 'a'} {function} leader"
    subjects: Iterable = heads if heads else product_people_with_pm_roles(org)
    no_head = not heads
    for person in subjects:
        if person is ceo:
            continue
        leader = chains.leader_above(person, function)
        if leader is None:
            continue
        if org.manager_of(person) is leader:
            message = f"{person.display} reports to {leader.display}, {noun}"
            if ceo is not None:
                message += f", not to the CEO, {ceo.label}"
        else:
            message = f"{person.display}'s chain of command passes through {leader.display}, {noun}"
            if ceo is not None:
                message += f", before the CEO, {ceo.label}"
        if no_head:
            message += ", and the org has no head of product"
        message += why
        related = [(f"{noun} in the chain of command", leader)]
        if ceo is not None:
            related.append(("the CEO", ceo))
        yield org.finding(person, message, field="reports_to", related=related, min_severity=min_severity)
