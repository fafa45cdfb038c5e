"""Predicates: one condition a user meets towards an object, said twice.

A `Predicate` holds a test on one loaded object (`test(user, obj) -> bool`) and, where the
condition can be said in SQL, the same condition as a filter over the object's model
(`filter(user) -> Q`). Predicates combine with `|`, `&` and `~`; the combination keeps both
halves in step, so "may I see this one" and "the list of what I may see" come from one
definition. A predicate without a filter (one that needs Python, such as what a candidate
shares) makes every combination it is part of test-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

Test = Callable[[Any, Any], bool]
Filter = Callable[[Any], Q]

# a filter that matches every row / no row (not `Q()`: an empty Q vanishes when combined)
EVERYTHING = Q(pk__isnull=False)
NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Predicate:
    """A condition on (user, object): a test on one object and, optionally, the same
    condition as a `Q` over the object's model."""

    name: str
    test: Test
    filter: Filter | None = None

    def __call__(self, user, obj) -> bool:
        return self.test(user, obj)

    @property
    def has_filter(self) -> bool:
        return self.filter is not None

    def q(self, user) -> Q:
        """The filter for `user`; raises for a test-only predicate."""
        if self.filter is None:
            raise TypeError(f"{self.name} has no queryset filter")
        return self.filter(user)

    def __or__(self, other: Predicate) -> Predicate:
        a, b = self, other
        return Predicate(
            f"({a.name} | {b.name})",
            lambda user, obj: a.test(user, obj) or b.test(user, obj),
            (lambda user: a.filter(user) | b.filter(user))
            if a.has_filter and b.has_filter
            else None,
        )

    def __and__(self, other: Predicate) -> Predicate:
        a, b = self, other
        return Predicate(
            f"({a.name} & {b.name})",
            lambda user, obj: a.test(user, obj) and b.test(user, obj),
            (lambda user: a.filter(user) & b.filter(user))
            if a.has_filter and b.has_filter
            else None,
        )

    def __invert__(self) -> Predicate:
        a = self
        return Predicate(
            f"~{a.name}",
            lambda user, obj: not a.test(user, obj),
            (lambda user: ~a.filter(user)) if a.has_filter else None,
        )

    def via(self, field: str, model) -> Predicate:
        """The same condition on a related object: `obj.<field>` meets this predicate. The
        filter becomes `<field>__in` a subquery over `model` (the related model)."""
        a = self

        def test(user, obj) -> bool:
            related = getattr(obj, field)
            return related is not None and a.test(user, related)

        def filter_(user) -> Q:
            return Q(**{f"{field}__in": model.objects.filter(a.filter(user)).values("pk")})

        return Predicate(f"{a.name}.via({field})", test, filter_ if a.has_filter else None)


def any_of(predicates: Iterable[Predicate]) -> Predicate:
    """True when any of the predicates holds (none given: never)."""
    result = NEVER
    for predicate in predicates:
        result = predicate if result is NEVER else result | predicate
    return result


def user_is(name: str, check: Callable[[Any], bool]) -> Predicate:
    """A condition on the user alone (their role, their organisation): every object or
    none."""
    return Predicate(
        name,
        lambda user, obj: check(user),
        lambda user: EVERYTHING if check(user) else NOTHING,
    )


def has_role(*roles: str) -> Predicate:
    """The user has one of these roles."""
    allowed = frozenset(roles)
    return user_is(f"role in {sorted(allowed)}", lambda user: user.role in allowed)


NEVER = Predicate("never", lambda user, obj: False, lambda user: NOTHING)
