"""Who may see and change an employer.

Coaches (trajectbegeleider, teamleider) view and change every employer; people of the
employer (role werkgever or leidinggevende) only the employer of their own organisation.
Locations, contacts, the employer's milestones, tasks and jobs follow the employer.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from werkpad import access
from werkpad.access import Action, Predicate, has_role
from werkpad.accounts.models import User

from .models import Werkgever

VIEW = Action("werkgever.view")
CHANGE = Action("werkgever.change")
# without an object
LIST = Action("werkgever.list")
CREATE = Action("werkgever.create")

EMPLOYER_COACHES = {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER}
EMPLOYER_STAFF = {User.Role.WERKGEVER, User.Role.LEIDINGGEVENDE}


def is_employer_staff(user: User) -> bool:
    """Someone of an employer, with an organisation."""
    return user.role in EMPLOYER_STAFF and user.organisation_id is not None


def staff_of(path: str) -> Predicate:
    """The user is employer staff and `obj.<path>` is their organisation (`path` is an ORM
    path such as "functie__werkgever__organisation_id", read on the object attribute by
    attribute)."""

    def organisation_id(obj):
        for part in path.split("__"):
            obj = getattr(obj, part)
        return obj

    return Predicate(
        f"staff of {path}",
        lambda user, obj: is_employer_staff(user) and organisation_id(obj) == user.organisation_id,
        lambda user: (
            Q(**{path: user.organisation_id}) if is_employer_staff(user) else access.NOTHING
        ),
    )


OWN_EMPLOYER = staff_of("organisation_id")
WERKGEVER_RULE = has_role(*EMPLOYER_COACHES) | OWN_EMPLOYER

ROLE_RULES: dict[str, set[str]] = {
    LIST: EMPLOYER_COACHES,
    CREATE: EMPLOYER_COACHES,
}


def register() -> None:
    """Register the employer rules (from `EmployersConfig.ready`)."""
    access.allow(VIEW, Werkgever, WERKGEVER_RULE)
    access.allow(CHANGE, Werkgever, WERKGEVER_RULE)
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)


def werkgevers_for(user: User) -> QuerySet[Werkgever]:
    """Every employer the user may see: all for coaches, their own for employer staff."""
    return access.scope(user, VIEW)
