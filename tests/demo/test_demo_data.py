"""The demo data command (`manage.py load_demo`)."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from werkpad import access
from werkpad.accounts.models import Organisation, User
from werkpad.demo import loader
from werkpad.employers.models import (
    Contactpersoon,
    Functie,
    Locatie,
    Taak,
    Werkgever,
    WerkgeverMijlpaal,
)
from werkpad.instruments.models import InstrumentVersie
from werkpad.instruments.policy import Instrument
from werkpad.matching.models import Matchgesprek, Matchprofiel
from werkpad.placements.models import OpbouwStap, Plaatsing
from werkpad.route.models import Party, Phase
from werkpad.trajects import selectors
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
from werkpad.trajects.policy import trajects_as

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
    Werkgever,
    Locatie,
    Contactpersoon,
    WerkgeverMijlpaal,
    Taak,
    Functie,
    Matchprofiel,
    Matchgesprek,
    Plaatsing,
    OpbouwStap,
    InstrumentVersie,
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
        Organisation.objects.filter(name__in=loader.organisation_names()).values_list(
            "kind", flat=True
        )
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
    coach = trajects_as(user("coach"), Party.BEGELEIDING)
    coach2 = trajects_as(user("coach2"), Party.BEGELEIDING)
    assert coach.exists() and coach2.exists()
    assert coach.count() > coach2.count()
    assert not coach.filter(pk__in=coach2.values("pk")).exists()

    # the regiehouder's overview has something to show
    regie = trajects_as(user("regiehouder"), Party.REGIEHOUDER)
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
    assert access.can(lg, "instrument.view", Instrument(sanne, "crisiskaart"))
    assert not access.can(lg, "instrument.view", Instrument(sanne, "financien"))
    assert sanne.instrumentversies.filter(kind="crisiskaart").count() == 2


EMPLOYERS = ["Tuincentrum De Vlinderhof", "Bibliotheek Dijkstede", "Van Essen Logistiek"]


def sanne_plaatsing() -> Plaatsing:
    return Plaatsing.objects.get(traject__kandidaat__user=user("kandidaat"))


@pytest.mark.django_db
def test_employers_with_tasks_and_jobs(loaded):
    assert "3 werkgevers" in loaded and "3 plaatsingen" in loaded
    werkgevers = Werkgever.objects.filter(organisation__name__in=EMPLOYERS)
    assert werkgevers.count() == 3
    for werkgever in werkgevers:
        assert werkgever.sector and werkgever.description, werkgever
        assert 1 <= werkgever.locaties.count() <= 2
        assert not werkgever.locaties.filter(postcode="").exists()
        assert werkgever.contacten.filter(rol=Contactpersoon.Rol.HR).exists()
        assert werkgever.contacten.filter(rol=Contactpersoon.Rol.LEIDINGGEVENDE).exists()
        assert werkgever.contacten.filter(rol=Contactpersoon.Rol.BUDDY).exists()
        assert werkgever.mijlpalen.filter(status="klaar").exists()
        assert werkgever.mijlpalen.filter(status="bezig").exists()
        assert 3 <= werkgever.taken.count() <= 6
        for taak in werkgever.taken.all():
            assert taak.demands and set(taak.demands.values()) <= {1, 2, 3, 4}
        assert werkgever.functies.filter(soort=Functie.Soort.MAATWERK).exists()
        assert werkgever.functies.filter(soort=Functie.Soort.VACATURE).exists()
    assert Functie.objects.filter(soort=Functie.Soort.VACATURE).exclude(aanpassingen=None).exists()

    # custom jobs are composed from their tasks: the heaviest demand per area, summed hours
    for functie in Functie.objects.filter(soort=Functie.Soort.MAATWERK):
        taken = list(functie.taken.all())
        assert taken, functie
        assert functie.hours_per_week == sum(t.hours_per_week for t in taken)
        for area, value in functie.demands.items():
            assert value == max(t.demands.get(area, 0) for t in taken)

    # the demo leidinggevende is the tuincentrum's leidinggevende, with her account
    tuincentrum = werkgevers.get(organisation__name="Tuincentrum De Vlinderhof")
    anouk = tuincentrum.contacten.get(user=user("leidinggevende"))
    assert anouk.rol == Contactpersoon.Rol.LEIDINGGEVENDE
    assert tuincentrum.organisation == user("werkgever").organisation


@pytest.mark.django_db
def test_three_placements(loaded):
    assert Plaatsing.objects.count() == 3
    today = timezone.localdate()
    for plaatsing in Plaatsing.objects.all():
        plaatsing.full_clean()
        gesprek = plaatsing.matchgesprek
        assert gesprek.uitkomst == Matchgesprek.Uitkomst.MATCH
        assert gesprek.kandidaat == plaatsing.traject.kandidaat
        assert gesprek.date < plaatsing.start_date <= today
        assert plaatsing.traject.phase in (Phase.PLAATSING, Phase.DUURZAAM, Phase.UITVAL)
        assert plaatsing.buddy is not None and len(plaatsing.buddy_checklist) >= 3
        for _label, text in plaatsing.onboarding + plaatsing.preventie:
            assert text.strip()
        steps = list(plaatsing.opbouw.all())
        assert steps and not OpbouwStap.plan_errors(steps, plaatsing.start_date, today)
        assert all(
            s.actual_hours is not None
            for s in steps
            if s.week_start.toordinal() + 6 < today.toordinal()
        )
        assert all(s.actual_hours is None for s in steps if s.week_start > today)
    employers = {p.functie.werkgever_id for p in Plaatsing.objects.all()}
    assert len(employers) == 2

    # Sanne's: at the tuincentrum with Anouk, building up 8 -> 12 -> 16 -> 20 hours; her
    # traject keeps its own phase history (a -> b -> c)
    plaatsing = sanne_plaatsing()
    assert plaatsing.functie.werkgever.organisation.name == "Tuincentrum De Vlinderhof"
    assert plaatsing.leidinggevende.user == user("leidinggevende")
    assert plaatsing.contract_uren == 20
    planned = [int(s.planned_hours) for s in plaatsing.opbouw.all()]
    assert planned == sorted(planned)
    assert list(dict.fromkeys(planned)) == [8, 12, 16, 20]
    assert plaatsing.opbouw.filter(week_start__gt=today, planned_hours=20).exists()
    assert plaatsing.opbouw.exclude(reason="").exists()
    moves = list(
        plaatsing.traject.transitions.order_by("at", "pk").values_list("to_phase", flat=True)
    )
    assert moves == [Phase.VOORTRAJECT, Phase.MATCHING, Phase.PLAATSING]


@pytest.mark.django_db
def test_matching_suggestions_with_reasons(loaded, client):
    profielen = Matchprofiel.objects.filter(akkoord=True)
    assert profielen.count() == 4
    for profiel in profielen:
        kandidaat = profiel.kandidaat
        assert kandidaat.city in profiel.reisgebied and "," in profiel.reisgebied
        for kind in ("wensen", "beschikbaarheid"):
            assert kandidaat.instrumentversies.filter(kind=kind).exists(), (kandidaat, kind)

    sanne = Kandidaat.objects.get(user=user("kandidaat"))
    client.force_login(user("coach"))
    response = client.get(reverse("matching:for_candidate", args=[sanne.pk]))
    assert response.status_code == 200
    suggestions = response.context["suggestions"]
    assert suggestions and all(item["reasons"] for item in suggestions)
    top = suggestions[0]
    assert top["s"].profile.title in response.content.decode()
    assert any(fits and "wens" in text for fits, text in top["reasons"])


@pytest.mark.django_db
def test_leidinggevende_sees_the_placement_but_not_finances(loaded, client):
    plaatsing = sanne_plaatsing()
    client.force_login(user("leidinggevende"))
    response = client.get(reverse("placements:detail", args=[plaatsing.pk]))
    assert response.status_code == 200
    assert "Kees Verbeek" in response.content.decode()
    kid = plaatsing.traject.kandidaat_id
    financien = client.get(reverse("instruments:detail", args=[kid, "financien"]))
    assert financien.status_code == 403


@pytest.mark.django_db
def test_an_older_demo_without_employers_is_rebuilt(loaded):
    before = counts()
    loader.remove_employers()
    assert not loader.employers_loaded() and not loader.is_loaded()
    out = quiet()
    call_command("load_demo", stdout=out)
    assert "Demodata geladen" in out.getvalue()
    assert counts() == before
    assert sanne_plaatsing().leidinggevende.user == user("leidinggevende")


@pytest.mark.django_db
def test_rebuild_refuses_when_other_data_uses_a_demo_job(loaded):
    from tests.factories import KandidaatFactory

    functie = Functie.objects.filter(open=True).first()
    Matchgesprek.objects.create(kandidaat=KandidaatFactory(), functie=functie)
    before = counts()
    with pytest.raises(CommandError, match="functies"):
        call_command("load_demo", "--reset", stdout=quiet())
    assert counts() == before


@pytest.mark.django_db
def test_monitoring_green_orange_with_alert_and_uitval(loaded, client):
    """One placement in green, one in orange with a recent alert for the coach, one in
    uitval with the dropout checklist under way and the crisis card shared."""
    from werkpad.dropout.models import UitvalEpisode
    from werkpad.notifications.models import Melding

    lights = {
        p.traject.kandidaat.first_name: p.monitoring.niveau
        for p in Plaatsing.objects.select_related("traject__kandidaat", "monitoring")
    }
    assert lights["Sanne"] == "groen" and lights["Joyce"] == "oranje"
    alert = Melding.objects.get(ontvanger=user("coach"), soort="signaal")
    assert alert.niveau == "oranje" and "Joyce" in alert.titel
    assert (timezone.now() - alert.created_at).days < 1

    episode = UitvalEpisode.objects.get(geeindigd_op__isnull=True, plaatsing__isnull=False)
    assert episode.traject.phase == Phase.UITVAL
    assert episode.gemeld_door == user("leidinggevende")
    assert episode.checklist.filter(gedaan=True).exists()
    assert episode.checklist.filter(gedaan=False).exists()
    assert episode.contacten.exists()

    client.force_login(user("leidinggevende"))
    page = client.get(reverse("uitval:detail", args=[episode.pk]))
    assert page.status_code == 200
    crisiskaart = reverse("instruments:detail", args=[episode.traject.kandidaat_id, "crisiskaart"])
    assert crisiskaart in page.content.decode()
    assert client.get(crisiskaart).status_code == 200

    # Sanne has a check-in waiting on her start page
    client.force_login(user("kandidaat"))
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("monitoring:checkin", args=[sanne_plaatsing().pk]) in home
