"""The registry of actions and their rules. Each app declares its actions in its
`policy.py` and registers them from its `AppConfig.ready()`; an action nobody registered is
denied.

Two kinds of rule:
- a role rule, for an action without an object (open the caseload, list employers): the
  roles that may do it;
- an object rule, for an action on an object of one type (view this traject, change this
  milestone): a `Predicate`. When the predicate has a filter and the type is a model, the
  same rule gives the queryset of every object the user may do the action on (`scope`).

Apps may also register answers to named questions other apps' rules ask (`answer`/`ask`),
so a rule in a lower layer can use what a higher or sibling app knows without importing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .rules import Predicate


class Action(str):
    """The name of something a user may do, such as "traject.view". An app declares its
    actions as constants of this type in its `policy.py`; they compare equal to the plain
    strings that templates and older call sites use."""

    __slots__ = ()


@dataclass(frozen=True)
class ObjectRule:
    """Who may do `action` on an object of type `on`."""

    action: str
    on: type
    predicate: Predicate

    @property
    def has_scope(self) -> bool:
        return self.predicate.has_filter and hasattr(self.on, "_default_manager")


_role_rules: dict[str, frozenset[str]] = {}
_object_rules: dict[str, dict[type, ObjectRule]] = {}
_answers: dict[str, Callable[..., Any]] = {}


EVERY_ROLE = "*"  # in a role rule: every active user, whatever their role


def allow_everyone(action: str) -> None:
    """Register the object-less `action` for every active user (their own inbox, the route
    catalogue), without the owning app having to know the list of roles."""
    allow_roles(action, {EVERY_ROLE})


def allow_roles(action: str, roles: Iterable[str]) -> None:
    """Register the roles that may do the object-less `action`."""
    roles = frozenset(roles)
    if _role_rules.get(action, roles) != roles:
        raise ImproperlyConfigured(f"role rule for {action!r} registered twice")
    _role_rules[action] = roles


def allow(action: str, on: type, predicate: Predicate) -> None:
    """Register who may do `action` on an object of type `on`."""
    rules = _object_rules.setdefault(action, {})
    existing = rules.get(on)
    if existing is not None and existing.predicate is not predicate:
        raise ImproperlyConfigured(f"rule for {action!r} on {on.__name__} registered twice")
    rules[on] = ObjectRule(action, on, predicate)


def role_rule(action: str) -> frozenset[str] | None:
    return _role_rules.get(action)


def object_rule(action: str, obj) -> ObjectRule | None:
    """The rule for `action` that applies to `obj` (by its type), or None."""
    rules = _object_rules.get(action)
    if not rules:
        return None
    rule = rules.get(type(obj))
    if rule is not None:
        return rule
    for on, rule in rules.items():
        if isinstance(obj, on):
            return rule
    return None


def scope_rule(action: str) -> ObjectRule:
    """The one rule of `action` that gives a queryset."""
    found = [rule for rule in _object_rules.get(action, {}).values() if rule.has_scope]
    if len(found) != 1:
        raise LookupError(f"no queryset rule registered for {action!r}")
    return found[0]


def model_for(action: str) -> type:
    """The one model `action` has an object rule for."""
    found = [on for on in _object_rules.get(action, {}) if hasattr(on, "_default_manager")]
    if len(found) != 1:
        raise LookupError(f"no object rule on a model registered for {action!r}")
    return found[0]


def registered_actions() -> set[str]:
    """Every action with a registered rule."""
    return set(_role_rules) | set(_object_rules)


def object_rules() -> list[ObjectRule]:
    """Every registered object rule."""
    return [rule for rules in _object_rules.values() for rule in rules.values()]


def role_rules() -> dict[str, frozenset[str]]:
    """Every registered role rule, by action."""
    return dict(_role_rules)


def answer(question: str, function: Callable[..., Any]) -> None:
    """Register the function that answers `question` for the rules of other apps."""
    if _answers.get(question, function) is not function:
        raise ImproperlyConfigured(f"question {question!r} answered twice")
    _answers[question] = function


def ask(question: str, *args, default: Any = None) -> Any:
    """The registered answer to `question`, or `default` when no app answers it."""
    function = _answers.get(question)
    return default if function is None else function(*args)
