"""Who may open the monitoring pages without an object: the caseload's traffic lights and
the signal rules explained. (What may be seen of one placement's monitoring is decided in
`werkpad.placements.policy`.)"""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action
from werkpad.accounts.models import User

# the caseload's traffic lights
SIGNALEN_OVERVIEW = Action("signalen.overview")
# the signal rules explained
SIGNAALREGELS_VIEW = Action("signaalregels.view")

ROLE_RULES: dict[str, set[str]] = {
    SIGNALEN_OVERVIEW: {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    SIGNAALREGELS_VIEW: set(User.Role.values),
}


def register() -> None:
    """Register the monitoring rules (from `MonitoringConfig.ready`)."""
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)
