"""What F003, F004 and F005 share: a function of some size with no product liaison in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator


def missing_liaison(
    org,
    function: str,
    min_size: int,
    has_liaison: Callable[[list], bool],
    lacking: str,
    consequence: str,
) -> Iterator:
    """One org-level finding when ``function`` has ``min_size`` people or more and no liaison.

    It points at the head of the function (else its first person) and names them.
    """
    people = org.people_in(function)
    if len(people) < min_size or has_liaison(people):
        return
    heads = org.heads(function)
    anchor = heads[0] if heads else people[0]
    led = f" (led by {anchor.display})" if heads else ""
    yield org.finding(org, f"{function} has {len(people)} people{led} and {lacking}: {consequence}", at=anchor)
