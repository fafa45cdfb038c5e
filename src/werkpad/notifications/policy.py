"""Who reads which alerts and e-mails.

Everyone reads only their own inbox messages (someone else's: 404). The overview of
outgoing e-mails ("berichten.view") shows a beheerder all of them, a teamleider those about
their organisation's trajects and those they received themselves.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from werkpad import access
from werkpad.access import Action, Predicate, has_role, user_is
from werkpad.accounts.models import User

from .models import Bericht, Melding

# without an object: open the own inbox; on a `Melding`: read it
MELDINGEN_VIEW = Action("meldingen.view")
# without an object: open the overview of e-mails; on a `Bericht`: see it there
BERICHTEN_VIEW = Action("berichten.view")

INBOX_ROLES = set(User.Role.values)
BERICHTEN_ROLES = {User.Role.BEHEERDER, User.Role.TEAMLEIDER}

RECIPIENT = Predicate(
    "recipient",
    lambda user, melding: melding.ontvanger_id == user.pk,
    lambda user: Q(ontvanger=user),
)
SENT_TO_ME = Predicate(
    "sent to me",
    lambda user, bericht: (
        bericht.melding_id is not None and bericht.melding.ontvanger_id == user.pk
    ),
    lambda user: Q(melding__ontvanger=user),
)


def _traject_organisation_id(bericht: Bericht) -> int | None:
    melding = bericht.melding
    traject = melding.traject if melding is not None else None
    return traject.organisation_id if traject is not None else None


ABOUT_MY_ORGANISATION = user_is(
    "has an organisation", lambda user: bool(user.organisation_id)
) & Predicate(
    "about my organisation's traject",
    lambda user, bericht: _traject_organisation_id(bericht) == user.organisation_id,
    lambda user: Q(melding__traject__organisation_id=user.organisation_id),
)

RULES: dict[tuple[str, type], Predicate] = {
    (MELDINGEN_VIEW, Melding): has_role(*INBOX_ROLES) & RECIPIENT,
    (BERICHTEN_VIEW, Bericht): has_role(User.Role.BEHEERDER)
    | (has_role(User.Role.TEAMLEIDER) & (SENT_TO_ME | ABOUT_MY_ORGANISATION)),
}

ROLE_RULES: dict[str, set[str]] = {
    MELDINGEN_VIEW: INBOX_ROLES,
    BERICHTEN_VIEW: BERICHTEN_ROLES,
}


def register() -> None:
    """Register the rules for alerts and e-mails (from `NotificationsConfig.ready`)."""
    for (action, model), rule in RULES.items():
        access.allow(action, model, rule)
    for action, roles in ROLE_RULES.items():
        access.allow_roles(action, roles)


def meldingen_for(user: User) -> QuerySet[Melding]:
    """The user's own inbox."""
    return access.scope(user, MELDINGEN_VIEW)


def melding_or_404(user: User, pk: int) -> Melding:
    """One of the user's own inbox messages (someone else's: 404)."""
    return access.get_or_404(user, MELDINGEN_VIEW, pk)


def berichten_for(user: User) -> QuerySet[Bericht]:
    """The outgoing e-mails the user may see in the overview."""
    return access.scope(user, BERICHTEN_VIEW)
