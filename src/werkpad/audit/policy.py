"""Who may read the audit log in /beheer/ (Django admin, staff only): the beheerder."""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action
from werkpad.accounts.models import User

VIEW = Action("audit.view")

ROLE_RULES: dict[str, set[str]] = {VIEW: {User.Role.BEHEERDER}}


def register() -> None:
    """Register the audit rules (from `AuditConfig.ready`)."""
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)
