"""The one place that decides who may do what. Deny by default.

Every view asks `can(user, action, obj)` or narrows a queryset with one of the helpers below.
Later rules (the candidate's own sharing choices) plug in here, as one more check in `can` and
the queryset helpers, so no view has to change.

How a user relates to a traject:
- begeleider: a betrokkene of party "begeleiding" with this user account (the coach);
- regiehouder: a betrokkene of party "regiehouder" with this user account;
- teamleider: user role teamleider, traject run by the user's organisation;
- kandidaat: the traject's candidate account;
- partij: any other betrokkene with this user account (werkgever, arbo, behandelaar, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from werkpad.accounts.models import User
from werkpad.employers.models import Werkgever
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak, Betrokkene, Kandidaat, Traject, TrajectMilestone

BEGELEIDER = "begeleider"
REGIEHOUDER = "regiehouder"
TEAMLEIDER = "teamleider"
KANDIDAAT = "kandidaat"
PARTIJ = "partij"

# action -> relations that allow it. Anything not listed is denied.
RULES: dict[str, set[str]] = {
    # basic facts: name, phase, own milestones and agreements
    "traject.view": {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, KANDIDAAT, PARTIJ},
    # the whole dossier: all milestones, journal, all agreements, contact details
    "traject.view_full": {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, KANDIDAAT},
    "traject.move": {BEGELEIDER, TEAMLEIDER},
    "traject.close": {BEGELEIDER, TEAMLEIDER},
    "betrokkene.add": {BEGELEIDER, TEAMLEIDER},
    "kandidaat.invite": {BEGELEIDER, TEAMLEIDER},
    # the journal holds what was said about the candidate: their coach (and the coach's team
    # lead) and the candidate read it; others only when the candidate shares "journaal"
    "journal.view": {BEGELEIDER, TEAMLEIDER, KANDIDAAT},
    "journal.add": {BEGELEIDER, TEAMLEIDER},
    # reasons for phase moves may say something about health
    "traject.reasons": {BEGELEIDER, TEAMLEIDER, KANDIDAAT},
    "afspraak.add": {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, PARTIJ},
    # dropout (phase e): reporting and the checklist also by the parties around the work and
    # care (UITVAL_PARTIES below); contacts kept and the way back by the coach
    "uitval.view": {BEGELEIDER, REGIEHOUDER, TEAMLEIDER, KANDIDAAT, PARTIJ},
    "uitval.report": {BEGELEIDER, TEAMLEIDER, KANDIDAAT},
    "uitval.checklist": {BEGELEIDER, TEAMLEIDER, KANDIDAAT},
    "uitval.contact": {BEGELEIDER, TEAMLEIDER},
    "uitval.close": {BEGELEIDER, TEAMLEIDER},
}

# other parties that may report dropout and tick the dropout checklist: the people at work,
# occupational health and the treatment team
UITVAL_PARTIES = {Party.WERKGEVER, Party.LEIDINGGEVENDE, Party.ARBODIENST, Party.HULPVERLENING}

# actions on a milestone or agreement: allowed to the full editors, and to the party that owns
# the item (its own milestones / agreements assigned to them)
ITEM_EDITORS = {BEGELEIDER, REGIEHOUDER, TEAMLEIDER}

# actions without an object, by role
GLOBAL_RULES: dict[str, set[str]] = {
    "kandidaat.register": {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    "caseload.view": {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    "regie.overview": {User.Role.REGIEHOUDER, User.Role.TEAMLEIDER},
    "audit.view": {User.Role.BEHEERDER},  # the log in /beheer/ (Django admin, staff only)
    "route.view": set(User.Role.values),
    "portal.view": {User.Role.KANDIDAAT},
    "plaatsing.list": {
        User.Role.TRAJECTBEGELEIDER,
        User.Role.TEAMLEIDER,
        User.Role.WERKGEVER,
        User.Role.LEIDINGGEVENDE,
    },
    "werkgever.list": {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    "werkgever.create": {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    # the own inbox (every user has one), the signal rules explained
    "meldingen.view": set(User.Role.values),
    "signaalregels.view": set(User.Role.values),
    # the caseload's traffic lights
    "signalen.overview": {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER},
    # every outgoing e-mail with its status and errors
    "berichten.view": {User.Role.BEHEERDER, User.Role.TEAMLEIDER},
}


@dataclass
class Relation:
    """How one user stands towards one traject (or towards a candidate, over their
    trajects)."""

    kinds: set[str] = field(default_factory=set)
    betrokkene_ids: set[int] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)

    def allows(self, action: str) -> bool:
        return bool(self.kinds & RULES.get(action, set()))


def relation(user: User, traject: Traject) -> Relation:
    rel = Relation()
    if not user.is_authenticated or not user.is_active:
        return rel
    # cached on the traject instance for the length of a request; Traject.add_betrokkene
    # clears it
    cache = traject.__dict__.setdefault("_relations", {})
    if user.pk in cache:
        return cache[user.pk]
    _add_betrokkenheden(rel, Betrokkene.objects.filter(traject=traject, user=user))
    if traject.kandidaat.user_id == user.pk:
        rel.kinds.add(KANDIDAAT)
    if (
        user.role == User.Role.TEAMLEIDER
        and user.organisation_id
        and traject.organisation_id == user.organisation_id
    ):
        rel.kinds.add(TEAMLEIDER)
    cache[user.pk] = rel
    return rel


def _add_betrokkenheden(rel: Relation, betrokkenen) -> None:
    for b in betrokkenen.only("pk", "party"):
        rel.betrokkene_ids.add(b.pk)
        rel.parties.add(b.party)
        if b.party == Party.BEGELEIDING:
            rel.kinds.add(BEGELEIDER)
        elif b.party == Party.REGIEHOUDER:
            rel.kinds.add(REGIEHOUDER)
        elif b.party == Party.KANDIDAAT:
            rel.kinds.add(KANDIDAAT)
        else:
            rel.kinds.add(PARTIJ)


# --- the candidate's own data: instruments and sharing ----------------------------------

# Who works on the candidate's instruments with them. Everyone else sees only what the
# candidate shares with their party.
INSTRUMENT_OWNERS = {KANDIDAAT, BEGELEIDER}


@dataclass(frozen=True)
class Instrument:
    """One instrument of one candidate (for access decisions)."""

    kandidaat: Kandidaat
    kind: str


def kandidaat_relation(user: User, kandidaat: Kandidaat) -> Relation:
    """How the user stands towards a candidate, over all of the candidate's trajects."""
    rel = Relation()
    if not user.is_authenticated or not user.is_active:
        return rel
    cache = kandidaat.__dict__.setdefault("_relations", {})
    if user.pk in cache:
        return cache[user.pk]
    # a party of a closed traject (a former employer) no longer sees the candidate's data
    betrokkenheden = Betrokkene.objects.filter(traject__kandidaat=kandidaat, user=user).filter(
        Q(traject__closed_at__isnull=True) | Q(party__in=[Party.KANDIDAAT, Party.BEGELEIDING])
    )
    _add_betrokkenheden(rel, betrokkenheden)
    if kandidaat.user_id == user.pk:
        rel.kinds.add(KANDIDAAT)
    cache[user.pk] = rel
    return rel


def current_sharing(kandidaat: Kandidaat):
    """The sharing settings in force (newest version), or None: nothing shared."""
    from werkpad.instruments.models import DeelVersie

    if "_sharing" not in kandidaat.__dict__:
        kandidaat.__dict__["_sharing"] = DeelVersie.objects.filter(kandidaat=kandidaat).first()
    return kandidaat.__dict__["_sharing"]


def shared_categories(user: User, kandidaat: Kandidaat) -> set[str]:
    """The categories the candidate shares with any party this user belongs to."""
    rel = kandidaat_relation(user, kandidaat)
    sharing = current_sharing(kandidaat) if rel.parties - {Party.KANDIDAAT} else None
    if sharing is None:
        return set()
    categories: set[str] = set()
    for party in rel.parties:
        categories |= sharing.categories_for(party)
    return categories


def _can_instrument(user: User, action: str, obj: Instrument) -> bool:
    from werkpad.instruments.kinds import KINDS

    kind = KINDS.get(obj.kind)
    if kind is None:
        return False
    rel = kandidaat_relation(user, obj.kandidaat)
    if rel.kinds & INSTRUMENT_OWNERS:
        return action in {"instrument.view", "instrument.change", "instrument.history"}
    if action == "instrument.view":
        return kind.category in shared_categories(user, obj.kandidaat)
    return False


KANDIDAAT_RULES: dict[str, set[str]] = {
    "kandidaat.view": {KANDIDAAT, BEGELEIDER, REGIEHOUDER, PARTIJ},
    "sharing.view": INSTRUMENT_OWNERS,
    "kandidaat.change": INSTRUMENT_OWNERS,
    # works on the candidate's instruments with them: sees the private parts too
    "instrument.owner": INSTRUMENT_OWNERS,
    "matching.view": INSTRUMENT_OWNERS,
    "matching.change": INSTRUMENT_OWNERS,
    "matchgesprek.add": {BEGELEIDER},
    "sharing.change": INSTRUMENT_OWNERS,
    "accesslog.view": {KANDIDAAT},
}


def can(user: User, action: str, obj=None) -> bool:
    """May `user` do `action` on `obj`? Deny by default."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if obj is None:
        return user.role in GLOBAL_RULES.get(action, set())
    if action.startswith("plaatsing."):
        return _can_plaatsing(user, action, obj)
    if isinstance(obj, Traject):
        rel = relation(user, obj)
        if (
            action == "journal.view"
            and not rel.allows(action)
            and rel.kinds & {PARTIJ, REGIEHOUDER}
        ):
            return "journaal" in shared_categories(user, obj.kandidaat)
        if (
            action in ("uitval.report", "uitval.checklist")
            and not rel.allows(action)
            and PARTIJ in rel.kinds
            and not obj.is_closed
        ):
            return bool(rel.parties & UITVAL_PARTIES)
        return rel.allows(action)
    if isinstance(obj, Instrument):
        return _can_instrument(user, action, obj)
    if isinstance(obj, Kandidaat):
        return bool(kandidaat_relation(user, obj).kinds & KANDIDAAT_RULES.get(action, set()))
    if isinstance(obj, TrajectMilestone):
        return _can_item(user, action, obj, owner_id=obj.owner_id)
    if isinstance(obj, Afspraak):
        return _can_item(user, action, obj, owner_id=obj.who_id)
    if isinstance(obj, Werkgever):
        return _can_werkgever(user, action, obj)
    return False


def _can_item(user: User, action: str, obj, owner_id: int | None) -> bool:
    rel = relation(user, obj.traject)
    if action.endswith(".view"):
        return rel.allows("traject.view_full") or (
            rel.allows("traject.view") and owner_id in rel.betrokkene_ids
        )
    if action.endswith(".change"):
        if rel.kinds & ITEM_EDITORS:
            return True
        return PARTIJ in rel.kinds and owner_id in rel.betrokkene_ids
    return False


# --- employers -------------------------------------------------------------------------
# Coaches (trajectbegeleider, teamleider) view and change every employer; people of the
# employer (role werkgever or leidinggevende) only the employer of their own organisation.
# Locations, contacts, the employer's milestones, tasks and jobs follow the employer.

EMPLOYER_COACHES = {User.Role.TRAJECTBEGELEIDER, User.Role.TEAMLEIDER}
EMPLOYER_STAFF = {User.Role.WERKGEVER, User.Role.LEIDINGGEVENDE}
WERKGEVER_ACTIONS = {"werkgever.view", "werkgever.change"}


def _can_werkgever(user: User, action: str, werkgever: Werkgever) -> bool:
    if action not in WERKGEVER_ACTIONS:
        return False
    if user.role in EMPLOYER_COACHES:
        return True
    return (
        user.role in EMPLOYER_STAFF
        and user.organisation_id is not None
        and werkgever.organisation_id == user.organisation_id
    )


def werkgevers_for(user: User) -> QuerySet[Werkgever]:
    """Every employer the user may see: all for coaches, their own for employer staff."""
    if not user.is_authenticated or not user.is_active:
        return Werkgever.objects.none()
    if user.role in EMPLOYER_COACHES:
        return Werkgever.objects.all()
    if user.role in EMPLOYER_STAFF and user.organisation_id:
        return Werkgever.objects.filter(organisation_id=user.organisation_id)
    return Werkgever.objects.none()


# --- end employers ---------------------------------------------------------------------


# --- placements ------------------------------------------------------------------------
# The traject's coach (begeleider) and team lead view and change its placements, and add one
# (action on the traject); the candidate views them. People of the employer (role werkgever
# or leidinggevende) view a placement at their own organisation when they are a betrokkene
# of its traject and the traject is open; a leidinggevende also enters the hours worked.
# Everyone else does not see the placement at all (404).

# Monitoring (issue 5) follows the same lines:
# - plaatsing.monitoring: the traffic light with its reasons, the check-in answers and the
#   trend. Coach, team lead and the candidate; employer staff only when the candidate shares
#   the category "checkins" with their party.
# - plaatsing.monitoring_change: the check-in rhythm. Coach and team lead.
# - plaatsing.checkin: the candidate fills their own check-in.
# - plaatsing.checkin_leidinggevende: the supervisor (role leidinggevende) fills theirs.
# - plaatsing.ontwikkeling: development steps, set by the candidate with the supervisor and
#   the coach.
# - plaatsing.driegesprek: plan, change and write the minutes of three-party meetings (the
#   coach). Everyone who sees the placement sees its meetings and agendas.

PLAATSING_ACTIONS = {
    "plaatsing.add",
    "plaatsing.view",
    "plaatsing.change",
    "plaatsing.hours",
    "plaatsing.monitoring",
    "plaatsing.monitoring_change",
    "plaatsing.checkin",
    "plaatsing.checkin_leidinggevende",
    "plaatsing.ontwikkeling",
    "plaatsing.driegesprek",
}
COACH_ONLY = {"plaatsing.add", "plaatsing.change", "plaatsing.monitoring_change"}
CANDIDATE_ACTIONS = {
    "plaatsing.view",
    "plaatsing.monitoring",
    "plaatsing.checkin",
    "plaatsing.ontwikkeling",
}
SUPERVISOR_ACTIONS = {
    "plaatsing.hours",
    "plaatsing.checkin_leidinggevende",
    "plaatsing.ontwikkeling",
}


def _can_plaatsing(user: User, action: str, obj) -> bool:
    if action not in PLAATSING_ACTIONS:
        return False
    traject = obj if isinstance(obj, Traject) else obj.traject
    rel = relation(user, traject)
    if rel.kinds & {BEGELEIDER, TEAMLEIDER}:
        return action not in {"plaatsing.checkin", "plaatsing.checkin_leidinggevende"}
    if isinstance(obj, Traject):
        return False
    if KANDIDAAT in rel.kinds:
        return action in CANDIDATE_ACTIONS
    employer_staff = (
        user.role in EMPLOYER_STAFF
        and user.organisation_id is not None
        and obj.functie.werkgever.organisation_id == user.organisation_id
        and bool(rel.betrokkene_ids)
        and not traject.is_closed
    )
    if not employer_staff or action in COACH_ONLY or action == "plaatsing.driegesprek":
        return False
    if action == "plaatsing.view":
        return True
    if action == "plaatsing.monitoring":
        return "checkins" in shared_categories(user, traject.kandidaat)
    return action in SUPERVISOR_ACTIONS and user.role == User.Role.LEIDINGGEVENDE


def plaatsingen_for(user: User) -> QuerySet:
    """Every placement the user may view (the same rule as `_can_plaatsing`)."""
    from werkpad.placements.models import Plaatsing

    if not user.is_authenticated or not user.is_active:
        return Plaatsing.objects.none()
    own = Betrokkene.objects.filter(traject=OuterRef("traject"), user=user)
    condition = Q(Exists(own.filter(party__in=[Party.BEGELEIDING, Party.KANDIDAAT]))) | Q(
        traject__kandidaat__user=user
    )
    if user.role == User.Role.TEAMLEIDER and user.organisation_id:
        condition |= Q(traject__organisation_id=user.organisation_id)
    if user.role in EMPLOYER_STAFF and user.organisation_id:
        condition |= Q(
            Exists(own),
            functie__werkgever__organisation_id=user.organisation_id,
            traject__closed_at__isnull=True,
        )
    return Plaatsing.objects.filter(condition)


def plaatsing_or_404(user: User, pk: int, action: str = "plaatsing.view"):
    """The placement, if the user may see it (else 404); 403 when seen but not allowed."""
    from werkpad.placements.models import Plaatsing

    plaatsing = (
        Plaatsing.objects.select_related(
            "traject__kandidaat",
            "traject__organisation",
            "functie__werkgever__organisation",
            "functie__locatie",
            "matchgesprek",
            "leidinggevende",
            "buddy",
        )
        .filter(pk=pk)
        .first()
    )
    if plaatsing is None or not can(user, "plaatsing.view", plaatsing):
        raise Http404
    require(user, action, plaatsing)
    return plaatsing


# --- end placements --------------------------------------------------------------------


# --- alerts and e-mails (issue 5) -------------------------------------------------------
# Everyone reads only their own inbox messages (someone else's: 404). The overview of
# outgoing e-mails ("berichten.view") shows a beheerder all of them, a teamleider those about
# their organisation's trajects and those they received themselves.


def meldingen_for(user: User) -> QuerySet:
    from werkpad.notifications.models import Melding

    if not can(user, "meldingen.view"):
        return Melding.objects.none()
    return Melding.objects.filter(ontvanger=user)


def melding_or_404(user: User, pk: int):
    melding = meldingen_for(user).filter(pk=pk).first()
    if melding is None:
        raise Http404
    return melding


def berichten_for(user: User) -> QuerySet:
    from werkpad.notifications.models import Bericht

    if not can(user, "berichten.view"):
        return Bericht.objects.none()
    if user.role == User.Role.BEHEERDER:
        return Bericht.objects.all()
    condition = Q(melding__ontvanger=user)
    if user.organisation_id:
        condition |= Q(melding__traject__organisation_id=user.organisation_id)
    return Bericht.objects.filter(condition)


# --- end alerts and e-mails ------------------------------------------------------------


# --- querysets -------------------------------------------------------------------------


def trajects_for(user: User) -> QuerySet[Traject]:
    """Every traject the user may see at least the basic facts of."""
    if not user.is_authenticated or not user.is_active:
        return Traject.objects.none()
    condition = Q(Exists(Betrokkene.objects.filter(traject=OuterRef("pk"), user=user))) | Q(
        kandidaat__user=user
    )
    if user.role == User.Role.TEAMLEIDER and user.organisation_id:
        condition |= Q(organisation_id=user.organisation_id)
    return Traject.objects.filter(condition)


def trajects_as(user: User, party: str) -> QuerySet[Traject]:
    """Trajects where the user is a betrokkene of one party (a coach's caseload, a
    regiehouder's coordination)."""
    if not user.is_authenticated or not user.is_active:
        return Traject.objects.none()
    return Traject.objects.filter(
        Exists(Betrokkene.objects.filter(traject=OuterRef("pk"), user=user, party=party))
    )


def _own_or_all(user: User, traject: Traject, qs: QuerySet, owner_field: str) -> QuerySet:
    """All items for who sees the whole dossier; for other parties only their own."""
    rel = relation(user, traject)
    if rel.allows("traject.view_full"):
        return qs
    if rel.allows("traject.view"):
        return qs.filter(**{f"{owner_field}__in": rel.betrokkene_ids})
    return qs.none()


def caseload_trajects(user: User) -> QuerySet[Traject]:
    """A coach's caseload: the trajects they support; for a team lead, their organisation's."""
    if user.is_authenticated and user.role == User.Role.TEAMLEIDER:
        return trajects_for(user)
    return trajects_as(user, Party.BEGELEIDING)


def coordinated_trajects(user: User) -> QuerySet[Traject]:
    """What a regiehouder coordinates; for a team lead, their organisation's trajects."""
    if user.is_authenticated and user.role == User.Role.TEAMLEIDER:
        return trajects_for(user)
    return trajects_as(user, Party.REGIEHOUDER)


def milestones_visible(user: User, traject: Traject) -> QuerySet[TrajectMilestone]:
    return _own_or_all(user, traject, traject.milestones.all(), "owner_id")


def afspraken_visible(user: User, traject: Traject) -> QuerySet[Afspraak]:
    return _own_or_all(user, traject, traject.afspraken.all(), "who_id")


def changeable_ids(user: User, items) -> set[int]:
    """Of these milestones or agreements (of one traject), the ids the user may change. Costs
    no queries once the user's relation to the traject is known."""
    return {item.pk for item in items if can(user, "item.change", item)}


def timeline_kinds_visible(user: User, traject: Traject) -> set[str] | None:
    """Which timeline kinds the user may see (None: all). Dropout start and end ("uitval")
    go with the phase moves; the contacts kept during dropout ("contact": with whom and how,
    never the note) are for those who see the whole dossier."""
    rel = relation(user, traject)
    journal = can(user, "journal.view", traject)
    if rel.allows("traject.view_full"):
        if journal:
            return None
        return {"geopend", "fase", "mijlpaal", "afspraak", "betrokkene", "uitval", "contact"}
    if rel.allows("traject.view"):
        kinds = {"geopend", "fase", "notitie"} if journal else {"geopend", "fase"}
        return kinds | {"uitval"} if rel.allows("uitval.view") else kinds
    return set()


def uitval_wat_hielp_visible(user: User, traject: Traject) -> bool:
    """What helped to come back after a dropout (`UitvalEpisode.wat_hielp`) is part of the
    candidate's recovery story: the coach, the team lead and the candidate read it, and the
    other parties with `uitval.view` when the candidate shares the category "herstelplan"
    with their party. (What happened, `UitvalEpisode.reden`, stays with `traject.reasons`.)"""
    if can(user, "traject.reasons", traject):
        return True
    return can(user, "uitval.view", traject) and "herstelplan" in shared_categories(
        user, traject.kandidaat
    )


# --- for views -------------------------------------------------------------------------


def require(user: User, action: str, obj=None) -> None:
    """Raise PermissionDenied unless `can(user, action, obj)`."""
    if not can(user, action, obj):
        raise PermissionDenied


def kandidaat_or_404(user: User, pk: int, action: str = "kandidaat.view") -> Kandidaat:
    """The candidate, if the user has any relation to them (else 404)."""
    kandidaat = Kandidaat.objects.filter(pk=pk).first()
    if kandidaat is None or not can(user, "kandidaat.view", kandidaat):
        raise Http404
    require(user, action, kandidaat)
    return kandidaat


def traject_or_404(user: User, pk: int, action: str = "traject.view") -> Traject:
    """The traject, if the user may see it. A traject the user may not see answers 404, so
    that its existence does not leak; one they see but may not change answers 403."""
    traject = Traject.objects.select_related("kandidaat", "organisation").filter(pk=pk).first()
    if traject is None or not can(user, "traject.view", traject):
        raise Http404
    require(user, action, traject)
    return traject
