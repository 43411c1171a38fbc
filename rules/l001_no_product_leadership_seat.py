"""
## What it does
Flags an org that has people in the product function but no head of product reporting directly to
the CEO.

## Why is this bad?
Without a product leader at the CEO's table, product decisions are made by whoever the product
managers happen to report to, and the product has no voice where company strategy is set.

Product managers have traditionally reported to an engineering or a marketing leader, above all in
companies where product had no independent seat at the executive table. That is changing: in the
2023 State of Product Management report (more than 1,500 responses) product leadership now runs
teams that used to sit elsewhere: product marketing in 30% of companies, project and program
management in 29%, engineering in 29%, technical writing in 17%, customer success in 16%. None of
that is possible without a product leader at the top. The article reads two more findings of the
report as a call for product leaders to lead: only 45% of respondents said product investments meet
senior management's expectations, and the causes named were a lack of clear company strategy (23%)
and what flows from it (prioritization, go-to-market, investment allocation, a roadmap consistent
with the strategy); product, it concludes, must drive that discussion. Give the product function a
head (VP of Product, Chief Product Officer) with a solid reporting line to the CEO.

Judgment calls. Only a solid line counts: a head of product who reports to the CRO or the CTO with a
`dotted_to` line to the CEO does not hold a seat at the executive table, since their priorities and
their review are set by their solid-line manager. One head of product reporting to the CEO is
enough: where product has several heads (a second product group inside sales, say), L003 to L006
judge the others. With no head of product at all, a lone product manager who reports to the CEO
(the first product hire of a startup) holds the seat de facto and is not flagged; two or more product
people with nobody leading them means the CEO is running product management, and L001 fires.
Product owners embedded in R&D (a product owner, not also a product manager, under an engineering
leader or in an engineering unit) are not counted in that product team: R&D should have its product
owners, and they are not a product management department. Nor is the explore arm of an ambidextrous
org (people in a unit of type `explore`, or below its lead), which reports to its own leader by design.
When the CEO is the head of product, R001 fires instead; when nobody is in the product function (other
than perhaps the CEO), L002 speaks instead. In an org of business units
(several products), a head of product who reports to the head of a business unit, or with no head of
product a product manager who does, is in place: the business-unit head is the product line's leader
and brings it to the CEO's table (G002 checks that they report to the CEO). Rules that need the CEO do not
fire when the chart has none. The finding names `org` and points at the CEO, where the seat is
missing, with the misplaced heads as related locations.

One root cause, one finding. When a head of product sits under a sales, marketing or engineering
leader, L003, L004 or L005 names that head and this finding is folded into theirs; when the CEO holds
the product seat, R001's. L001 itself stands for F001 (no product department) and G008 (a product
strategy without a product leader) when they describe the same missing leader (docs/strategy.md).

Strategy. Information only under `sales-led` (a sales-led company "is totally fine and in no means
something bad", though to scale it has to combine with another approach) and under
`technology-driven` (a startup may focus fully on the technology for now).

## Example
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ivan, dotted_to: [ada]}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
```

## Use instead
```yaml
orglint: 1
org:
  name: Acme Analytics
people:
  - {id: ada, name: Ada Byron, title: CEO}
  - {id: ivan, name: Ivan Petrov, title: Chief Revenue Officer, reports_to: ada}
  - {id: julia, name: Julia Brandt, title: VP of Product, reports_to: ada}
  - {id: priya, name: Priya Nair, title: Product Manager, reports_to: julia}
  - {id: grace, name: Grace Hopper, title: CTO, reports_to: ada}
```

## References
- "What “Product-Led” Looks Like in 2023" (2023 State of Product Management report: who reports to
  product leadership; "to be product-led, product must lead").
- "The Product is the Organization" (product management as a department of its own; R&D should have
  their product owner(s)).
- "Differing Approaches for Product Organizations" (sales led, technology driven).
"""

from collections.abc import Iterator

from orglint import Finding, Options, Org, rule

from ._product_chain import Chains, ExploreArm, ceo_product_seat, embedded_product_owner, product_heads

_NAMED = 3  # heads named in the message; the rest are counted


@rule(
    code="L001",
    name="no-product-leadership-seat",
    severity="error",
    strategies={"sales-led": "info", "technology-driven": "info"},
    supersedes=("F001", "G008"),
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    ceo = org.ceo
    if ceo is None or ceo_product_seat(org) is not None:
        return
    chains = Chains(org)
    in_explore_arm = ExploreArm(org)
    # Product owners embedded in R&D are R&D's liaison, and the explore arm reports to its own leader.
    team = [
        person
        for person in org.people_in("product")
        if person is not ceo and not embedded_product_owner(org, person, chains) and not in_explore_arm(person)
    ]
    if not team:
        return
    heads = product_heads(org, chains)
    if any(head.reports_to == ceo.id for head in heads):
        return
    heads = [head for head in heads if not in_explore_arm(head)]
    bu_heads = {unit.lead for unit in org.units_of_type("business-unit") if unit.lead}
    if bu_heads:
        # Product leadership placed inside business units reaches the CEO through the BU heads.
        if heads:
            heads = [head for head in heads if head.reports_to not in bu_heads]
            if not heads:
                return
        else:
            team = [person for person in team if person.reports_to not in bu_heads]
            if not team:
                return
    if not heads:
        if len(team) == 1 and team[0].reports_to == ceo.id:
            return  # the first product hire, reporting to the CEO, holds the seat de facto
        direct = sum(1 for person in team if person.reports_to == ceo.id)
        people = "person works" if len(team) == 1 else "people work"
        message = f"{len(team)} {people} in the product function and nobody leads it: no head of product reports to {ceo.display}"
        if direct:
            message += (
                f" ({direct} of them report to the CEO directly)" if direct > 1 else " (1 of them reports to the CEO directly)"
            )
        yield org.finding(org, message, at=ceo, related=[("in the product function", person) for person in team[:_NAMED]])
        return
    placed = []
    related = []
    for head in heads:
        manager = org.manager_of(head)
        if manager is not None:
            where = f"reports to {manager.display}"
        elif head.reports_to:
            where = f"reports to the unknown id '{head.reports_to}'"
        else:
            where = "reports to nobody"
        if ceo.id in head.dotted_to:
            where += ", with only a dotted line to the CEO"
        placed.append(f"{head.display} {where}")
        related.append((f"head of product {head.label}", head.location("reports_to")))
    shown = "; ".join(placed[:_NAMED])
    if len(placed) > _NAMED:
        shown += f"; and {len(placed) - _NAMED} more"
    yield org.finding(org, f"no head of product reports to {ceo.display}: {shown}", at=ceo, related=related)
