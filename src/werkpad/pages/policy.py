"""Who may open the candidate's portal: candidates."""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action
from werkpad.accounts.models import User

VIEW = Action("portal.view")

ROLE_RULES: dict[str, set[str]] = {VIEW: {User.Role.KANDIDAAT}}


def register() -> None:
    """Register the portal rules (from `PagesConfig.ready`)."""
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)
