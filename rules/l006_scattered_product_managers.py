"""
## What it does
Flags a product manager who has no head of product in their chain of command, and no dotted line to
one, while the org has one elsewhere.

## Why is this bad?
Product managers embedded in other departments work to their manager's goals, not the product's,
and the product function that exists on paper cannot keep one roadmap across them.

This is the half-built product organization: a product department has been created, but some
product managers still report to sales, marketing or engineering managers. They get no coaching in
the craft, no shared practices, and a reporting line that pulls them toward the department's own
targets. Implementing product management "as a simple discipline" inside a classic organization is
the half-baked product orientation that, for a product company, is usually doomed to fail. Move the
product manager's solid line to the head of product (or to a group product manager under them); keep
a dotted line to the department they serve if the partnership matters.

Judgment calls. Any head of product in the chain is enough: with several heads (a product group
inside sales, say) a product manager under either one is inside the product function, and L001 and
L003 to L005 judge where the heads themselves sit. A head of product is never flagged here, nor is
the CEO, nor a product manager reporting straight to a CEO who leads product. Not flagged either:

- a product owner embedded in R&D (holding `product-owner` but not `product-manager`, under an
  engineering leader or in an engineering unit): "R&D should have their product owner(s)", side by side
  with the dev team; that is the liaison's recommended place, not a scattered product manager;
- someone with a `dotted_to` line to a leader of the product function: the craft and the roadmap
  reach them through it (a BizDev PM with a dotted line to the VP of Product, say);
- the explore arm of an ambidextrous org: people in a unit of type `explore` (or a unit inside one),
  or whose chain of command passes through the lead of an `explore` unit. Separation is the point of
  the explore arm. Only the declared type counts: declare a New Ventures or innovation unit
  `type: explore` to say so;
- in an org of business units, a product manager whose chain passes through the head of a business
  unit: the business-unit head leads that product line (see G001 and G002), as L001 also accepts.

A product manager whose manager id is unknown is left to S002. The finding points at the person's
`reports_to` and names the head of product they are cut off from. A team of product managers outside
the product function (a principal PM under the CMO with PMs under them) is one finding, at the one
highest in the team, with the others as related notes: moving that one line fixes them all.

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: ivan}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: lena, name: Lena Fischer, title: Product Manager, reports_to: julia, dotted_to: [ivan]}
```

## References
- "Differing Approaches for Product Organizations" (product-oriented: product management added as a
  simple discipline to a classic organization).
- "The Product is the Organization" (product management as a department of its own; R&D should have
  their product owner(s)).
- "Unraveling the Intricacies of a Product-Driven Organization" (the dual structure's explore arm).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, Person, rule

from ._product_chain import (
    Chains,
    ExploreArm,
    NearestAbove,
    dotted_to_product_leader,
    embedded_product_owner,
    primary_head,
    product_heads,
    product_people_with_pm_roles,
)


@rule(code="L006", name="scattered-product-managers", severity="warning")
def check(org: Org, options: Options) -> Iterator[Finding]:
    chains = Chains(org)
    heads = product_heads(org, chains)
    if not heads:
        return
    head_ids = {head.id for head in heads}
    primary = primary_head(org, heads)
    led_by = f"led by {primary.display}"
    if len(heads) > 1:
        others = len(heads) - 1
        led_by += f" and {others} other head{'s' if others > 1 else ''} of product"
    ceo = org.ceo
    ceo_leads_product = ceo is not None and org.leads_function(ceo, "product")
    business_unit_heads = {unit.lead for unit in org.units_of_type("business-unit") if unit.lead}
    business_unit_head_above = NearestAbove(org, lambda manager: manager.id in business_unit_heads)
    in_explore_arm = ExploreArm(org)
    scattered: dict[str, Person] = {}  # id -> person, in file order
    for person in product_people_with_pm_roles(org):
        if person is ceo or person.id in head_ids:
            continue
        manager = org.manager_of(person)
        if manager is None and person.reports_to:
            continue  # unknown manager: S002
        if ceo_leads_product and manager is ceo:
            continue
        if chains.leader_above(person, "product") is not None or (
            business_unit_heads and business_unit_head_above(person) is not None
        ):
            continue
        if embedded_product_owner(org, person, chains) or dotted_to_product_leader(org, person) or in_explore_arm(person):
            continue
        scattered[person.id] = person
    # A team of product managers outside the product function is one problem: reported once, at
    # the one highest in it, with the others as related notes (moving that one's line fixes all).
    team: dict[str, list] = {}
    for person in scattered.values():
        team.setdefault(_highest_scattered(org, person, scattered).id, []).append(person)
    for person in scattered.values():
        members = team.get(person.id)
        if members is None:
            continue
        below = [member for member in members if member is not person]
        manager = org.manager_of(person)
        where = f"reports to {manager.display}" if manager is not None else "reports to nobody"
        message = f"{person.display} {where}, outside the product function {led_by}"
        if below:
            message += f", with {len(below)} product manager{'s' if len(below) > 1 else ''} under them"
        yield org.finding(
            person,
            message,
            field="reports_to",
            related=[("head of product", primary)] + [("product manager in the same team", member) for member in below],
        )


def _highest_scattered(org: Org, person: Person, scattered: dict[str, Person]) -> Person:
    """The highest of the scattered product managers in ``person``'s chain of managers, unbroken."""
    highest, seen = person, {person.id}
    manager = org.manager_of(person)
    while manager is not None and manager.id in scattered and manager.id not in seen:
        highest = manager
        seen.add(manager.id)
        manager = org.manager_of(manager)
    return highest
