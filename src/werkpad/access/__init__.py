"""The one place that decides who may do what. Deny by default.

Views ask `can(user, action, obj)`, `require(...)`, `get_or_404(...)` or narrow a list with
`scope(user, action)`. This package holds only the machinery: the rules themselves live in
the `policy.py` of the app that owns each action, which registers them from its
`AppConfig.ready()` (see `registry`). An action nobody registered is denied to everyone.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from .cache import caching, forget, remember
from .cache import is_active as _caching
from .registry import (
    EVERY_ROLE,
    Action,
    allow,
    allow_everyone,
    allow_roles,
    answer,
    ask,
    model_for,
    object_rule,
    registered_actions,
    role_rule,
    scope_rule,
)
from .rules import EVERYTHING, NEVER, NOTHING, Predicate, any_of, has_role, user_is

__all__ = [
    "EVERY_ROLE",
    "EVERYTHING",
    "NEVER",
    "NOTHING",
    "Action",
    "Predicate",
    "active",
    "allow",
    "allow_everyone",
    "allow_roles",
    "answer",
    "any_of",
    "ask",
    "caching",
    "can",
    "forget",
    "get_or_404",
    "has_role",
    "registered_actions",
    "remember",
    "require",
    "scope",
    "user_is",
]


def active(user) -> bool:
    """A logged-in, active user: the only kind that may do anything."""
    return user is not None and user.is_authenticated and user.is_active


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (on `obj`)? Deny by default."""
    if not active(user):
        return False
    if obj is None:
        roles = role_rule(action)
        return roles is not None and (user.role in roles or EVERY_ROLE in roles)
    rule = object_rule(action, obj)
    if rule is None:
        return False
    if _caching():
        return bool(rule.predicate.test(user, obj))
    with caching():  # one decision asks about the same relation more than once
        return bool(rule.predicate.test(user, obj))


def require(user, action: str, obj=None) -> None:
    """Raise PermissionDenied unless `can(user, action, obj)`."""
    if not can(user, action, obj):
        raise PermissionDenied


def scope(user, action: str, queryset: QuerySet | None = None) -> QuerySet:
    """Every object on which `user` may do `action` (narrowing `queryset`, if given), from
    the same rule as `can`. Raises LookupError for an action without a queryset rule."""
    rule = scope_rule(action)
    qs = rule.on._default_manager.all() if queryset is None else queryset
    if not active(user):
        return qs.none()
    return qs.filter(rule.predicate.q(user))


def get_or_404(user, action: str, pk, *, require: str | None = None, queryset=None):
    """The object with this pk, if the user may do `action` on it (else 404, so that its
    existence does not leak); then 403 if they may not do `require` on it."""
    if queryset is None:
        queryset = model_for(action)._default_manager.all()
    obj = queryset.filter(pk=pk).first()
    if obj is None or not can(user, action, obj):
        raise Http404
    if require is not None and require != action and not can(user, require, obj):
        raise PermissionDenied
    return obj
