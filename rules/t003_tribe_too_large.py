"""
## What it does
Flags a tribe with more than `max` people, counting its own members and the members of every unit
nested in it (its squads, chapters, ...), each person once.

## Why is this bad?
A tribe coordinates informally because everybody in it knows everybody, and that stops working beyond
about 150 people. A tribe groups squads that work on related areas: people share context and sort out
dependencies without a process, which holds only while the tribe stays within the number of people
anyone can know (Dunbar's number: the anthropologist Robin Dunbar's estimate, from the 1990s, of
about 150 stable relationships a person can keep up). Beyond it, the tribe needs the
very layers of management and coordination that tribes exist to avoid. Split it into two tribes along
product areas.

A tribe's people are the members of the tribe itself (people naming it in `unit`/`units`, and its
`lead`) and of every unit below it through `parent`, counted once even when someone belongs to several
of its squads. A tribe inside a tribe counts toward both. The finding points at the tribe.

## Example
A tribe of sixteen squads of ten (the engineers are written compactly, by id and squad only):
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  payments: {name: Payments, type: tribe, lead: tara}
  checkout: {name: Checkout, type: squad, parent: payments}
  cards: {name: Cards, type: squad, parent: payments}
  wallets: {name: Wallets, type: squad, parent: payments}
  payouts: {name: Payouts, type: squad, parent: payments}
  fraud: {name: Fraud, type: squad, parent: payments}
  disputes: {name: Disputes, type: squad, parent: payments}
  invoicing: {name: Invoicing, type: squad, parent: payments}
  tax: {name: Tax, type: squad, parent: payments}
  ledger: {name: Ledger, type: squad, parent: payments}
  pricing: {name: Pricing, type: squad, parent: payments}
  subscriptions: {name: Subscriptions, type: squad, parent: payments}
  refunds: {name: Refunds, type: squad, parent: payments}
  risk: {name: Risk, type: squad, parent: payments}
  compliance: {name: Compliance, type: squad, parent: payments}
  reporting: {name: Reporting, type: squad, parent: payments}
  connect: {name: Connect, type: squad, parent: payments}
people: {
  ada: {name: Ada Byron, title: CEO},
  tara: {name: Tara Lee, title: VP of Engineering, reports_to: ada},
  co1: {unit: checkout}, co2: {unit: checkout}, co3: {unit: checkout}, co4: {unit: checkout},
  co5: {unit: checkout}, co6: {unit: checkout}, co7: {unit: checkout}, co8: {unit: checkout},
  co9: {unit: checkout}, co10: {unit: checkout},
  ca1: {unit: cards}, ca2: {unit: cards}, ca3: {unit: cards}, ca4: {unit: cards},
  ca5: {unit: cards}, ca6: {unit: cards}, ca7: {unit: cards}, ca8: {unit: cards},
  ca9: {unit: cards}, ca10: {unit: cards},
  wa1: {unit: wallets}, wa2: {unit: wallets}, wa3: {unit: wallets}, wa4: {unit: wallets},
  wa5: {unit: wallets}, wa6: {unit: wallets}, wa7: {unit: wallets}, wa8: {unit: wallets},
  wa9: {unit: wallets}, wa10: {unit: wallets},
  po1: {unit: payouts}, po2: {unit: payouts}, po3: {unit: payouts}, po4: {unit: payouts},
  po5: {unit: payouts}, po6: {unit: payouts}, po7: {unit: payouts}, po8: {unit: payouts},
  po9: {unit: payouts}, po10: {unit: payouts},
  fr1: {unit: fraud}, fr2: {unit: fraud}, fr3: {unit: fraud}, fr4: {unit: fraud},
  fr5: {unit: fraud}, fr6: {unit: fraud}, fr7: {unit: fraud}, fr8: {unit: fraud},
  fr9: {unit: fraud}, fr10: {unit: fraud},
  di1: {unit: disputes}, di2: {unit: disputes}, di3: {unit: disputes}, di4: {unit: disputes},
  di5: {unit: disputes}, di6: {unit: disputes}, di7: {unit: disputes}, di8: {unit: disputes},
  di9: {unit: disputes}, di10: {unit: disputes},
  iv1: {unit: invoicing}, iv2: {unit: invoicing}, iv3: {unit: invoicing}, iv4: {unit: invoicing},
  iv5: {unit: invoicing}, iv6: {unit: invoicing}, iv7: {unit: invoicing}, iv8: {unit: invoicing},
  iv9: {unit: invoicing}, iv10: {unit: invoicing},
  tx1: {unit: tax}, tx2: {unit: tax}, tx3: {unit: tax}, tx4: {unit: tax},
  tx5: {unit: tax}, tx6: {unit: tax}, tx7: {unit: tax}, tx8: {unit: tax},
  tx9: {unit: tax}, tx10: {unit: tax},
  lg1: {unit: ledger}, lg2: {unit: ledger}, lg3: {unit: ledger}, lg4: {unit: ledger},
  lg5: {unit: ledger}, lg6: {unit: ledger}, lg7: {unit: ledger}, lg8: {unit: ledger},
  lg9: {unit: ledger}, lg10: {unit: ledger},
  pr1: {unit: pricing}, pr2: {unit: pricing}, pr3: {unit: pricing}, pr4: {unit: pricing},
  pr5: {unit: pricing}, pr6: {unit: pricing}, pr7: {unit: pricing}, pr8: {unit: pricing},
  pr9: {unit: pricing}, pr10: {unit: pricing},
  su1: {unit: subscriptions}, su2: {unit: subscriptions}, su3: {unit: subscriptions}, su4: {unit: subscriptions},
  su5: {unit: subscriptions}, su6: {unit: subscriptions}, su7: {unit: subscriptions}, su8: {unit: subscriptions},
  su9: {unit: subscriptions}, su10: {unit: subscriptions},
  rf1: {unit: refunds}, rf2: {unit: refunds}, rf3: {unit: refunds}, rf4: {unit: refunds},
  rf5: {unit: refunds}, rf6: {unit: refunds}, rf7: {unit: refunds}, rf8: {unit: refunds},
  rf9: {unit: refunds}, rf10: {unit: refunds},
  ri1: {unit: risk}, ri2: {unit: risk}, ri3: {unit: risk}, ri4: {unit: risk},
  ri5: {unit: risk}, ri6: {unit: risk}, ri7: {unit: risk}, ri8: {unit: risk},
  ri9: {unit: risk}, ri10: {unit: risk},
  cp1: {unit: compliance}, cp2: {unit: compliance}, cp3: {unit: compliance}, cp4: {unit: compliance},
  cp5: {unit: compliance}, cp6: {unit: compliance}, cp7: {unit: compliance}, cp8: {unit: compliance},
  cp9: {unit: compliance}, cp10: {unit: compliance},
  rp1: {unit: reporting}, rp2: {unit: reporting}, rp3: {unit: reporting}, rp4: {unit: reporting},
  rp5: {unit: reporting}, rp6: {unit: reporting}, rp7: {unit: reporting}, rp8: {unit: reporting},
  rp9: {unit: reporting}, rp10: {unit: reporting},
  cn1: {unit: connect}, cn2: {unit: connect}, cn3: {unit: connect}, cn4: {unit: connect},
  cn5: {unit: connect}, cn6: {unit: connect}, cn7: {unit: connect}, cn8: {unit: connect},
  cn9: {unit: connect}, cn10: {unit: connect}
}
```

## Use instead
The same squads in two tribes of eight:
```yaml
orglint: 1
org:
  name: Acme Analytics
units:
  payments: {name: Payments, type: tribe, lead: tara}
  money-ops: {name: Money Operations, type: tribe, lead: omar}
  checkout: {name: Checkout, type: squad, parent: payments}
  cards: {name: Cards, type: squad, parent: payments}
  wallets: {name: Wallets, type: squad, parent: payments}
  payouts: {name: Payouts, type: squad, parent: payments}
  fraud: {name: Fraud, type: squad, parent: payments}
  disputes: {name: Disputes, type: squad, parent: payments}
  invoicing: {name: Invoicing, type: squad, parent: payments}
  tax: {name: Tax, type: squad, parent: payments}
  ledger: {name: Ledger, type: squad, parent: money-ops}
  pricing: {name: Pricing, type: squad, parent: money-ops}
  subscriptions: {name: Subscriptions, type: squad, parent: money-ops}
  refunds: {name: Refunds, type: squad, parent: money-ops}
  risk: {name: Risk, type: squad, parent: money-ops}
  compliance: {name: Compliance, type: squad, parent: money-ops}
  reporting: {name: Reporting, type: squad, parent: money-ops}
  connect: {name: Connect, type: squad, parent: money-ops}
people: {
  ada: {name: Ada Byron, title: CEO},
  tara: {name: Tara Lee, title: VP of Engineering, reports_to: ada},
  omar: {name: Omar Ali, title: VP of Engineering, reports_to: ada},
  co1: {unit: checkout}, co2: {unit: checkout}, co3: {unit: checkout}, co4: {unit: checkout},
  co5: {unit: checkout}, co6: {unit: checkout}, co7: {unit: checkout}, co8: {unit: checkout},
  co9: {unit: checkout}, co10: {unit: checkout},
  ca1: {unit: cards}, ca2: {unit: cards}, ca3: {unit: cards}, ca4: {unit: cards},
  ca5: {unit: cards}, ca6: {unit: cards}, ca7: {unit: cards}, ca8: {unit: cards},
  ca9: {unit: cards}, ca10: {unit: cards},
  wa1: {unit: wallets}, wa2: {unit: wallets}, wa3: {unit: wallets}, wa4: {unit: wallets},
  wa5: {unit: wallets}, wa6: {unit: wallets}, wa7: {unit: wallets}, wa8: {unit: wallets},
  wa9: {unit: wallets}, wa10: {unit: wallets},
  po1: {unit: payouts}, po2: {unit: payouts}, po3: {unit: payouts}, po4: {unit: payouts},
  po5: {unit: payouts}, po6: {unit: payouts}, po7: {unit: payouts}, po8: {unit: payouts},
  po9: {unit: payouts}, po10: {unit: payouts},
  fr1: {unit: fraud}, fr2: {unit: fraud}, fr3: {unit: fraud}, fr4: {unit: fraud},
  fr5: {unit: fraud}, fr6: {unit: fraud}, fr7: {unit: fraud}, fr8: {unit: fraud},
  fr9: {unit: fraud}, fr10: {unit: fraud},
  di1: {unit: disputes}, di2: {unit: disputes}, di3: {unit: disputes}, di4: {unit: disputes},
  di5: {unit: disputes}, di6: {unit: disputes}, di7: {unit: disputes}, di8: {unit: disputes},
  di9: {unit: disputes}, di10: {unit: disputes},
  iv1: {unit: invoicing}, iv2: {unit: invoicing}, iv3: {unit: invoicing}, iv4: {unit: invoicing},
  iv5: {unit: invoicing}, iv6: {unit: invoicing}, iv7: {unit: invoicing}, iv8: {unit: invoicing},
  iv9: {unit: invoicing}, iv10: {unit: invoicing},
  tx1: {unit: tax}, tx2: {unit: tax}, tx3: {unit: tax}, tx4: {unit: tax},
  tx5: {unit: tax}, tx6: {unit: tax}, tx7: {unit: tax}, tx8: {unit: tax},
  tx9: {unit: tax}, tx10: {unit: tax},
  lg1: {unit: ledger}, lg2: {unit: ledger}, lg3: {unit: ledger}, lg4: {unit: ledger},
  lg5: {unit: ledger}, lg6: {unit: ledger}, lg7: {unit: ledger}, lg8: {unit: ledger},
  lg9: {unit: ledger}, lg10: {unit: ledger},
  pr1: {unit: pricing}, pr2: {unit: pricing}, pr3: {unit: pricing}, pr4: {unit: pricing},
  pr5: {unit: pricing}, pr6: {unit: pricing}, pr7: {unit: pricing}, pr8: {unit: pricing},
  pr9: {unit: pricing}, pr10: {unit: pricing},
  su1: {unit: subscriptions}, su2: {unit: subscriptions}, su3: {unit: subscriptions}, su4: {unit: subscriptions},
  su5: {unit: subscriptions}, su6: {unit: subscriptions}, su7: {unit: subscriptions}, su8: {unit: subscriptions},
  su9: {unit: subscriptions}, su10: {unit: subscriptions},
  rf1: {unit: refunds}, rf2: {unit: refunds}, rf3: {unit: refunds}, rf4: {unit: refunds},
  rf5: {unit: refunds}, rf6: {unit: refunds}, rf7: {unit: refunds}, rf8: {unit: refunds},
  rf9: {unit: refunds}, rf10: {unit: refunds},
  ri1: {unit: risk}, ri2: {unit: risk}, ri3: {unit: risk}, ri4: {unit: risk},
  ri5: {unit: risk}, ri6: {unit: risk}, ri7: {unit: risk}, ri8: {unit: risk},
  ri9: {unit: risk}, ri10: {unit: risk},
  cp1: {unit: compliance}, cp2: {unit: compliance}, cp3: {unit: compliance}, cp4: {unit: compliance},
  cp5: {unit: compliance}, cp6: {unit: compliance}, cp7: {unit: compliance}, cp8: {unit: compliance},
  cp9: {unit: compliance}, cp10: {unit: compliance},
  rp1: {unit: reporting}, rp2: {unit: reporting}, rp3: {unit: reporting}, rp4: {unit: reporting},
  rp5: {unit: reporting}, rp6: {unit: reporting}, rp7: {unit: reporting}, rp8: {unit: reporting},
  rp9: {unit: reporting}, rp10: {unit: reporting},
  cn1: {unit: connect}, cn2: {unit: connect}, cn3: {unit: connect}, cn4: {unit: connect},
  cn5: {unit: connect}, cn6: {unit: connect}, cn7: {unit: connect}, cn8: {unit: connect},
  cn9: {unit: connect}, cn10: {unit: connect}
}
```

## Options
- `max` (int, default 150): the largest tribe that is not flagged.

## References
- "Unraveling the Intricacies of a Product-Driven Organization" (tribes are clusters of squads working
  on related areas). The limit of 150 is not from the article: it is Dunbar's number.
- R. I. M. Dunbar, "Coevolution of neocortical size, group size and language in humans", Behavioral
  and Brain Sciences 16 (1993).
"""

from collections.abc import Iterator

from orglint import Finding, Option, Options, Org, rule


@rule(
    code="T003",
    name="tribe-too-large",
    severity="warning",
    options={"max": Option("int", 150, "the largest tribe that is not flagged", minimum=1)},
)
def check(org: Org, options: Options) -> Iterator[Finding]:
    limit = options["max"]
    tribes = org.units_of_type("tribe")
    if not tribes:
        return
    below = _people_and_units_below(org)
    for tribe in tribes:
        people, units = below[tribe.id]
        if people > limit:
            across = f" across {units} unit{'s' if units != 1 else ''}" if units else ""
            yield org.finding(
                tribe,
                f"{tribe.called('tribe')} has {people} people{across}, more than {limit}: "
                "split it into tribes along product areas",
            )


def _people_and_units_below(org) -> dict[str, tuple[int, int]]:
    """Unit id -> (people in it or below it, each once; units below it), for every unit in or
    below a tribe.

    Bottom-up under each outermost tribe, each set of people built by adding
    the smaller sets into the largest child's (so that a chain of thousands of
    nested tribes costs one walk, not one walk per tribe). The units of a
    parent cycle (S010) all reach each other: they are taken as one, which
    holds everyone in them and below them.
    """
    units = org.units
    group = {unit_id: unit_id for unit_id in units}  # unit id -> the id that stands for its cycle, or itself
    for cycle in org.unit_cycles:
        for unit in cycle:
            group[unit.id] = cycle[0].id
    children: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for unit in units.values():
        parent = unit.parent
        if parent in units and group[parent] != group[unit.id]:
            children.setdefault(group[parent], []).append(group[unit.id])
            has_parent.add(group[unit.id])
    in_group: dict[str, list[str]] = {}
    for unit_id in units:
        in_group.setdefault(group[unit_id], []).append(unit_id)
    result: dict[str, tuple[int, int]] = {}
    # Down from the roots to the outermost tribes; each is counted with everything below it.
    stack = [key for key in in_group if key not in has_parent]
    while stack:
        key = stack.pop()
        if any(units[unit_id].type == "tribe" for unit_id in in_group[key]):
            _count_below(key, children, in_group, org.members, result)
        else:
            stack.extend(children.get(key, ()))
    return result


def _count_below(top: str, children, in_group, members, result: dict[str, tuple[int, int]]) -> None:
    """Fill ``result`` for every unit from ``top`` down (after its children, each node)."""
    people_of: dict[str, set] = {}  # unit id -> the Person objects in it or below it
    size_of: dict[str, int] = {}
    stack = [(top, False)]
    while stack:
        key, children_done = stack.pop()
        below = children.get(key, ())
        if not children_done:
            stack.append((key, True))
            stack.extend((child, False) for child in below)
            continue
        sets = sorted((people_of.pop(child) for child in below), key=len, reverse=True)
        people = sets[0] if sets else set()
        for other in sets[1:]:
            people |= other
        for unit_id in in_group[key]:
            people.update(members[unit_id])
        size = len(in_group[key]) + sum(size_of.pop(child) for child in below)
        people_of[key], size_of[key] = people, size
        for unit_id in in_group[key]:
            result[unit_id] = (len(people), size - 1)
