"""What the access rules learnt during one request (a user's relation to a traject, the
sharing settings in force), kept until the request ends.

The cache is only active inside `caching()`: the middleware opens it around every request.
Outside it (tests calling `can` directly, services in the worker) every question is answered
from the database, so there is nothing to go stale. Code that changes what a cached answer
depends on calls `forget(obj)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

Key = tuple[Any, str, Any, str]  # (user pk or None, model label, object pk, what)

_active: ContextVar[dict[Key, Any] | None] = ContextVar("werkpad_access_cache", default=None)


@contextmanager
def caching() -> Iterator[None]:
    """Keep answers for the length of the block (one request)."""
    token = _active.set({})
    try:
        yield
    finally:
        _active.reset(token)


def is_active() -> bool:
    """Whether answers are being kept (inside a request or a `caching()` block)."""
    return _active.get() is not None


def remember[T](obj, what: str, compute: Callable[[], T], *, user=None) -> T:
    """The cached answer to `what` about `obj` (for `user`, if given), computed once per
    request; outside a request always computed."""
    cache = _active.get()
    if cache is None or obj.pk is None:
        return compute()
    key = (getattr(user, "pk", None), obj._meta.label_lower, obj.pk, what)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget(*objs) -> None:
    """Drop every cached answer about these objects (after adding a betrokkene, saving new
    sharing settings, ...)."""
    cache = _active.get()
    if not cache:
        return
    gone = {(obj._meta.label_lower, obj.pk) for obj in objs if obj is not None}
    for key in [key for key in cache if (key[1], key[2]) in gone]:
        del cache[key]


class AccessCacheMiddleware:
    """Opens the access cache for the length of one request."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        with caching():
            return self.get_response(request)
