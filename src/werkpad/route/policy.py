"""Who may read the route catalogue: everyone with an account."""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action

VIEW = Action("route.view")


def register() -> None:
    """Register the route rules (from `RouteConfig.ready`)."""
    access.allow_everyone(VIEW)
