"""Who may read the route catalogue: everyone with an account."""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action
from werkpad.accounts.models import User

VIEW = Action("route.view")

ROLE_RULES: dict[str, set[str]] = {VIEW: set(User.Role.values)}


def register() -> None:
    """Register the route rules (from `RouteConfig.ready`)."""
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)
