"""The demo data command (`manage.py load_demo`)."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from werkpad import access
from werkpad.accounts.models import Organisation, User
from werkpad.route.models import Party, Phase
from werkpad.trajects import demo, selectors
from werkpad.trajects.models import (
    Afspraak,
    Betrokkene,
    Gebeurtenis,
    JournaalNotitie,
    Kandidaat,
    PhaseTransition,
    Traject,
    TrajectMilestone,
)

LOGINS = [
    "coach",
    "coach2",
    "regiehouder",
    "kandidaat",
    "werkgever",
    "leidinggevende",
    "behandelaar",
    "gemeente",
    "arbo",
    "beheer",
]
COUNTED = [
    User,
    Organisation,
    Kandidaat,
    Traject,
    PhaseTransition,
    Betrokkene,
    TrajectMilestone,
    JournaalNotitie,
    Afspraak,
    Gebeurtenis,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def user(key: str) -> User:
    return User.objects.get(email=f"{key}@demo.werkpad.nl")


def quiet() -> io.StringIO:
    return io.StringIO()


@pytest.fixture
def loaded(db, settings):
    settings.DEBUG = True
    # a quick hasher: the demo logins are hashed and checked many times in these tests
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = quiet()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=quiet())
    assert not User.objects.filter(email__endswith="@demo.werkpad.nl").exists()

    call_command("load_demo", "--force", stdout=quiet())
    assert user("coach").role == User.Role.TRAJECTBEGELEIDER


@pytest.mark.django_db
def test_logins_and_organisations(loaded):
    assert "werkpad-demo" in loaded
    for key in LOGINS:
        u = user(key)
        assert authenticate(email=u.email, password="werkpad-demo") == u, key
    beheer = user("beheer")
    assert beheer.is_staff and beheer.is_superuser
    assert user("coach").organisation.kind == Organisation.Kind.REINTEGRATIE
    assert user("werkgever").organisation == user("leidinggevende").organisation
    assert user("arbo").organisation.kind == Organisation.Kind.ARBODIENST

    kinds = list(
        Organisation.objects.filter(
            name__in=[o[0] for o in demo.ORGANISATIONS.values()]
        ).values_list("kind", flat=True)
    )
    for kind in ["ggz", "reintegratie", "gemeente", "arbodienst"]:
        assert kinds.count(kind) == 1
    assert kinds.count("werkgever") == 3


@pytest.mark.django_db
def test_trajects(loaded):
    assert Kandidaat.objects.count() >= 12
    open_trajects = Traject.objects.filter(closed_at__isnull=True)
    for phase in Phase:
        assert open_trajects.filter(phase=phase).exists(), phase
    assert Traject.objects.filter(closed_at__isnull=False).exclude(outcome="").exists()

    # two coaches, each with their own caseload
    coach = access.trajects_as(user("coach"), Party.BEGELEIDING)
    coach2 = access.trajects_as(user("coach2"), Party.BEGELEIDING)
    assert coach.exists() and coach2.exists()
    assert coach.count() > coach2.count()
    assert not coach.filter(pk__in=coach2.values("pk")).exists()

    # the regiehouder's overview has something to show
    regie = access.trajects_as(user("regiehouder"), Party.REGIEHOUDER)
    assert selectors.overdue_afspraken(regie).count() >= 3
    assert selectors.without_recent_contact(regie).count() >= 2

    # kandidaat@ has their own traject, in plaatsing with the employer's people
    kandidaat = user("kandidaat")
    traject = Traject.objects.get(kandidaat__user=kandidaat)
    assert traject in coach
    assert traject.phase == Phase.PLAATSING
    assert access.can(kandidaat, "traject.view_full", traject)
    accounts = set(traject.betrokkenen.exclude(user=None).values_list("user", flat=True))
    assert {user("werkgever").pk, user("leidinggevende").pk} <= accounts
    assert traject.milestones.filter(status=TrajectMilestone.Status.KLAAR).count() >= 5


@pytest.mark.django_db
def test_lived_in_history(loaded):
    nvt = TrajectMilestone.objects.filter(status=TrajectMilestone.Status.NVT)
    assert nvt.exists() and not nvt.filter(nvt_reason="").exists()
    assert JournaalNotitie.objects.filter(kind=JournaalNotitie.Kind.DRIEGESPREK).exists()
    assert JournaalNotitie.objects.filter(kind=JournaalNotitie.Kind.BEZOEK_WERKPLEK).exists()
    assert Afspraak.objects.exclude(milestone=None).exists()
    assert set(Afspraak.objects.values_list("status", flat=True)) == set(Afspraak.Status.values)
    for traject in Traject.objects.all():
        moves = list(traject.transitions.order_by("pk").values_list("at", flat=True))
        assert moves == sorted(moves), traject
        assert traject.gebeurtenissen.order_by("at", "pk").first().kind == "geopend"
    # moves into uitval and back out of it carry a reason
    assert not PhaseTransition.objects.filter(to_phase=Phase.UITVAL, reason="").exists()
    assert not PhaseTransition.objects.filter(from_phase=Phase.UITVAL, reason="").exists()


@pytest.mark.django_db
def test_running_twice_keeps_counts(loaded):
    before = counts()
    call_command("load_demo", stdout=quiet())
    assert counts() == before
    call_command("load_demo", "--reset", stdout=quiet())
    assert counts() == before
    assert authenticate(email="coach@demo.werkpad.nl", password="werkpad-demo")
    assert Traject.objects.filter(kandidaat__user=user("kandidaat")).count() == 1


@pytest.mark.django_db
def test_demo_candidate_shares_crisis_card_but_not_finances(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    sanne = Kandidaat.objects.get(user__email="kandidaat@demo.werkpad.nl")
    lg = User.objects.get(email="leidinggevende@demo.werkpad.nl")
    assert access.can(lg, "instrument.view", access.Instrument(sanne, "crisiskaart"))
    assert not access.can(lg, "instrument.view", access.Instrument(sanne, "financien"))
    assert sanne.instrumentversies.filter(kind="crisiskaart").count() == 2
