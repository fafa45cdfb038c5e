"""Who may see and act on dropout (phase e) of a traject.

Everyone who sees the traject sees that there is a dropout. Reporting it and ticking the
checklist are also for the parties around the work and care (`WORK_AND_CARE_PARTIES`) while
the traject is open; the contacts kept and the way back are for the coach and team lead.
What helped to come back (`UitvalEpisode.wat_hielp`) is part of the candidate's recovery
story: the coach, the team lead and the candidate read it, and the other parties who see the
dropout when the candidate shares the category "herstelplan" with their party. (What
happened, `UitvalEpisode.reden`, stays with `traject.reasons`.)
"""

from __future__ import annotations

from werkpad import access
from werkpad.access import Action, Predicate, any_of
from werkpad.accounts.models import User
from werkpad.instruments.policy import shared_categories
from werkpad.route.models import Party
from werkpad.trajects.models import Traject
from werkpad.trajects.policy import (
    BEGELEIDER,
    KANDIDAAT,
    OPEN,
    PARTIJ,
    REASONS,
    REGIEHOUDER,
    TEAMLEIDER,
    as_party,
    kinds,
)
from werkpad.trajects.policy import (
    RULES as TRAJECT_RULES,
)

VIEW = Action("uitval.view")
REPORT = Action("uitval.report")
CHECKLIST = Action("uitval.checklist")
CONTACT = Action("uitval.contact")
CLOSE = Action("uitval.close")
WAT_HIELP = Action("uitval.wat_hielp")

# the other parties that may report dropout and tick the checklist: the people at work,
# occupational health and the treatment team
WORK_AND_CARE_PARTIES = (
    Party.WERKGEVER,
    Party.LEIDINGGEVENDE,
    Party.ARBODIENST,
    Party.HULPVERLENING,
)
WORK_OR_CARE_PARTY_ON_OPEN = any_of(as_party(p) for p in WORK_AND_CARE_PARTIES) & OPEN

SEES_DROPOUT = kinds(BEGELEIDER, REGIEHOUDER, TEAMLEIDER, KANDIDAAT, PARTIJ)
SHARES_HERSTELPLAN = Predicate(
    "shares herstelplan",
    lambda user, traject: "herstelplan" in shared_categories(user, traject.kandidaat),
)

RULES: dict[str, Predicate] = {
    VIEW: SEES_DROPOUT,
    REPORT: kinds(BEGELEIDER, TEAMLEIDER, KANDIDAAT) | WORK_OR_CARE_PARTY_ON_OPEN,
    CHECKLIST: kinds(BEGELEIDER, TEAMLEIDER, KANDIDAAT) | WORK_OR_CARE_PARTY_ON_OPEN,
    CONTACT: kinds(BEGELEIDER, TEAMLEIDER),
    CLOSE: kinds(BEGELEIDER, TEAMLEIDER),
    WAT_HIELP: kinds(*TRAJECT_RULES[REASONS]) | (SEES_DROPOUT & SHARES_HERSTELPLAN),
}


def register() -> None:
    """Register the dropout rules (from `DropoutConfig.ready`)."""
    for action, rule in RULES.items():
        access.allow(action, Traject, rule)


def wat_hielp_visible(user: User, traject: Traject) -> bool:
    """Whether the user reads what helped to come back after a dropout."""
    return access.can(user, WAT_HIELP, traject)
