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
- :func:`embedded_product_owner`: a Scrum product owner (not also a product
  manager or a product leader) who sits in R&D: an engineering leader above
  them before the CEO, or an engineering home unit. "R&D should have their
  product owner(s)" ("The Product is the Organization"): that is the liaison's
  recommended place, not a misplaced product manager.
- :class:`ExploreArm`: someone in the explore arm of an ambidextrous org,
  i.e. a member of a unit of type `explore` (or of a unit inside one), or
  someone whose chain of command passes through the `lead` of an `explore`
  unit. Only the declared type counts: a "VP New Ventures" whose unit is not
  declared `explore` is an ordinary leader.
- :func:`dotted_to_product_leader`: a `dotted_to` line to a leader of the
  product function.
"""

from __future__ import annotations

from collections.abc import Iterator

PM_ROLES = ("product-manager", "product-owner")
_NAMED = 10  # people named in a finding about several; the rest are counted

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
    if org.leads_function(ceo, "product") and all(leader is ceo for leader in org.leaders("product")):
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
            self._nearest[function] = (
                None if nobody else NearestAbove(org, lambda manager: org.leads_function(manager, function), stop=self.ceo)
            )
        nearest = self._nearest[function]
        return nearest(person) if nearest is not None else None


def embedded_product_owner(org, person, chains: Chains | None = None) -> bool:
    """A product owner (and not a product manager or product leader) who sits in R&D."""
    if not person.holds("product-owner") or person.holds("product-manager", "cpo"):
        return False
    if org.leads_function(person, "product"):
        return False
    if org.function_of_unit(person.unit) == "engineering":
        return True
    return (chains or Chains(org)).leader_above(person, "engineering") is not None


def _unit_and_ancestors(org, unit_id):
    seen = set()
    unit = org.units.get(unit_id) if unit_id else None
    while unit is not None and unit.id not in seen:
        yield unit
        seen.add(unit.id)
        unit = org.units.get(unit.parent) if unit.parent else None


class ExploreArm:
    """Whether someone works in a declared explore arm (see the module doc); one instance per rule run."""

    def __init__(self, org):
        self.org = org
        explore = org.units_of_type("explore")
        self.leads = {unit.lead for unit in explore if unit.lead}
        self.declared = bool(explore)

    def __call__(self, person) -> bool:
        if not self.declared:
            return False
        org = self.org
        for unit_id in person.memberships:
            if any(unit.type == "explore" for unit in _unit_and_ancestors(org, unit_id)):
                return True
        return any(boss.id in self.leads for boss in org.chain(person))


def dotted_to_product_leader(org, person) -> bool:
    """Whether one of the person's dotted lines goes to a leader of the product function."""
    for target_id in person.dotted_to:
        target = org.people.get(target_id)
        if target is not None and org.leads_function(target, "product"):
            return True
    return False


def product_heads(org, chains: Chains | None = None) -> list:
    """The heads of the product function below the CEO, in file order (see the module doc)."""
    ceo = org.ceo
    if ceo is None or not org.leads_function(ceo, "product"):
        return org.heads("product")
    chains = chains or Chains(org)
    return [leader for leader in org.leaders("product") if leader is not ceo and chains.leader_above(leader, "product") is None]


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


def product_under(org, function: str, *, why: str = "") -> Iterator:
    """L003-L005: product leadership whose chain of command passes through a leader of ``function``.

    Checks each head of product below the CEO, one finding each. With no head
    at all, the product managers (and product owners, except those embedded in
    R&D) in that position are one root cause, the missing head of product: one
    finding on the first of them in file order, the others as related locations.
    """
    chains = Chains(org)
    heads = product_heads(org, chains)
    ceo = org.ceo
    noun = f"{'an' if function[0] in 'aeiou' else 'a'} {function} leader"
    if not heads:
        yield from _team_under(org, function, chains, noun, why)
        return
    for person in heads:
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
        message += why
        related = [(f"{noun} in the chain of command", leader)]
        if ceo is not None:
            related.append(("the CEO", ceo))
        yield org.finding(person, message, field="reports_to", related=related)


def _team_under(org, function: str, chains: Chains, noun: str, why: str) -> Iterator:
    """No head of product: the product people under a leader of ``function``, as one finding."""
    ceo = org.ceo
    in_explore_arm = ExploreArm(org)
    placed = []
    for person in product_people_with_pm_roles(org):
        if person is ceo or embedded_product_owner(org, person, chains) or in_explore_arm(person):
            continue
        leader = chains.leader_above(person, function)
        if leader is not None:
            placed.append((person, leader))
    if not placed:
        return
    first, leader = placed[0]
    if org.manager_of(first) is leader:
        message = f"{first.display} reports to {leader.display}, {noun}"
        if ceo is not None:
            message += f", not to the CEO, {ceo.label}"
    else:
        message = f"{first.display}'s chain of command passes through {leader.display}, {noun}"
        if ceo is not None:
            message += f", before the CEO, {ceo.label}"
    message += ", and the org has no head of product"
    others = placed[1:]
    if others:
        names = ", ".join(person.label for person, _ in others[:_NAMED])
        if len(others) > _NAMED:
            names += f" and {len(others) - _NAMED} more"
        people = "person is" if len(others) == 1 else "people are"
        message += f" ({len(others)} more product {people} under {noun}: {names})"
    message += why
    related = [(f"{noun} in the chain of command", leader)]
    related += [
        (f"also under {other_leader.label}, {noun}", person.location("reports_to")) for person, other_leader in others[:_NAMED]
    ]
    if ceo is not None:
        related.append(("the CEO", ceo))
    yield org.finding(first, message, field="reports_to", related=related)
