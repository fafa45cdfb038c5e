"""Who may see and work on a placement, including the monitoring around it.

The traject's coach (begeleider) and team lead view and change its placements, and add one
(an action on the traject); the candidate views them. People of the employer (role werkgever
or leidinggevende) view a placement at their own organisation when they are a betrokkene of
its traject and the traject is open; a leidinggevende also enters the hours worked.
Everyone else does not see the placement at all (404).

Monitoring follows the same lines:
- plaatsing.monitoring: the traffic light with its reasons, the check-in answers and the
  trend. Coach, team lead and the candidate; employer staff only when the candidate shares
  the category "checkins" with their party.
- plaatsing.monitoring_change: the check-in rhythm. Coach and team lead.
- plaatsing.checkin: the candidate fills their own check-in.
- plaatsing.checkin_leidinggevende: the supervisor (role leidinggevende) fills theirs.
- plaatsing.ontwikkeling: development steps, set by the candidate with the supervisor and
  the coach.
- plaatsing.driegesprek: plan, change and write the minutes of three-party meetings (the
  coach). Everyone who sees the placement sees its meetings and agendas.
"""

from __future__ import annotations

from django.db.models import QuerySet

from werkpad import access
from werkpad.access import Action, Predicate, has_role
from werkpad.accounts.models import User
from werkpad.employers.policy import staff_of
from werkpad.instruments.policy import shared_categories
from werkpad.trajects.models import Traject
from werkpad.trajects.policy import (
    BEGELEIDER,
    BETROKKENE,
    KANDIDAAT,
    KINDS,
    OPEN,
    TEAMLEIDER,
    kinds,
)

from .models import Plaatsing

ADD = Action("plaatsing.add")  # on the traject
VIEW = Action("plaatsing.view")
CHANGE = Action("plaatsing.change")
HOURS = Action("plaatsing.hours")
MONITORING = Action("plaatsing.monitoring")
MONITORING_CHANGE = Action("plaatsing.monitoring_change")
CHECKIN = Action("plaatsing.checkin")
CHECKIN_LEIDINGGEVENDE = Action("plaatsing.checkin_leidinggevende")
ONTWIKKELING = Action("plaatsing.ontwikkeling")
DRIEGESPREK = Action("plaatsing.driegesprek")
# without an object
LIST = Action("plaatsing.list")


def _of_traject(rule: Predicate) -> Predicate:
    return rule.via("traject", Traject)


COACH = kinds(BEGELEIDER, TEAMLEIDER)
# the coach or team lead of the placement's traject
COACHES = _of_traject(COACH)
# the candidate of the placement's traject
CANDIDATE = _of_traject(KINDS[KANDIDAAT])
# employer staff seeing a placement at their own organisation: a betrokkene of its traject,
# while the traject is open
EMPLOYER_STAFF_HERE = (
    staff_of("functie__werkgever__organisation_id") & _of_traject(BETROKKENE) & _of_traject(OPEN)
)
SUPERVISOR = has_role(User.Role.LEIDINGGEVENDE)
SHARES_CHECKINS = Predicate(
    "shares checkins",
    lambda user, plaatsing: "checkins" in shared_categories(user, plaatsing.traject.kandidaat),
)

RULES: dict[str, Predicate] = {
    VIEW: COACHES | CANDIDATE | EMPLOYER_STAFF_HERE,
    CHANGE: COACHES,
    MONITORING_CHANGE: COACHES,
    DRIEGESPREK: COACHES,
    HOURS: COACHES | (SUPERVISOR & EMPLOYER_STAFF_HERE & ~CANDIDATE),
    MONITORING: COACHES | CANDIDATE | (EMPLOYER_STAFF_HERE & SHARES_CHECKINS),
    CHECKIN: CANDIDATE & ~COACHES,
    CHECKIN_LEIDINGGEVENDE: SUPERVISOR & EMPLOYER_STAFF_HERE & ~COACHES & ~CANDIDATE,
    ONTWIKKELING: COACHES | CANDIDATE | (SUPERVISOR & EMPLOYER_STAFF_HERE),
}

ROLE_RULES: dict[str, set[str]] = {
    LIST: {
        User.Role.TRAJECTBEGELEIDER,
        User.Role.TEAMLEIDER,
        User.Role.WERKGEVER,
        User.Role.LEIDINGGEVENDE,
    },
}


def register() -> None:
    """Register the placement rules (from `PlacementsConfig.ready`)."""
    access.allow(ADD, Traject, COACH)
    for action, rule in RULES.items():
        access.allow(action, Plaatsing, rule)
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)


def plaatsingen_for(user: User) -> QuerySet[Plaatsing]:
    """Every placement the user may view."""
    return access.scope(user, VIEW)


def plaatsing_or_404(user: User, pk: int, action: str = VIEW) -> Plaatsing:
    """The placement, if the user may see it (else 404); 403 when seen but not allowed."""
    return access.get_or_404(
        user,
        VIEW,
        pk,
        require=action,
        queryset=Plaatsing.objects.select_related(
            "traject__kandidaat",
            "traject__organisation",
            "functie__werkgever__organisation",
            "functie__locatie",
            "matchgesprek",
            "leidinggevende",
            "buddy",
        ),
    )
