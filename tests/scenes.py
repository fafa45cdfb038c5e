"""Shared scenes for tests around placements: an employer with HR, a supervisor and a buddy,
a traject with a made match, and a started placement (used by the placement, monitoring and
uitval tests)."""

import datetime
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, TrajectFactory, UserFactory
from werkpad.employers.models import Contactpersoon, Functie, Locatie, Werkgever
from werkpad.instruments.models import Regeling
from werkpad.matching.models import Matchgesprek
from werkpad.placements.models import OpbouwStap, Plaatsing

TODAY = timezone.localdate()
HOURS_ERROR = "Vul een aantal uren van 0 tot en met 40 per week in."
FINANCIEN_MARKER = "ZQX-financien-geheim"


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def employer(name: str):
    org = OrganisationFactory(kind="werkgever", name=name)
    werkgever = Werkgever.objects.create(organisation=org, sector="Horeca", grootte="klein")
    locatie = Locatie.objects.create(werkgever=werkgever, name="Winkel", city="Utrecht")
    functie = Functie.objects.create(
        werkgever=werkgever,
        locatie=locatie,
        title="Medewerker bakkerij",
        soort=Functie.Soort.VACATURE,
        hours_per_week=20,
    )
    return werkgever, functie


def contact(werkgever, rol: str, name: str, user=None, email: str = "") -> Contactpersoon:
    return Contactpersoon.objects.create(
        werkgever=werkgever, rol=rol, name=name, user=user, email=email, phone="06 12345678"
    )


def make_scene(coach, phase: str = "b", employer_name: str = "Bakkerij De Korrel"):
    """A traject with a made match at an employer with HR, a supervisor and a buddy who all
    have an account (the buddy has none)."""
    traject = TrajectFactory(coach=coach)
    if phase == "b":
        traject.move_to("b", coach)
    werkgever, functie = employer(employer_name)
    org = werkgever.organisation
    hr_user = UserFactory(role="werkgever", organisation=org)
    lg_user = UserFactory(role="leidinggevende", organisation=org)
    gesprek = Matchgesprek.objects.create(
        kandidaat=traject.kandidaat,
        functie=functie,
        date=days(-30),
        uitkomst=Matchgesprek.Uitkomst.MATCH,
        created_by=coach,
    )
    return SimpleNamespace(
        traject=traject,
        kandidaat=traject.kandidaat,
        werkgever=werkgever,
        functie=functie,
        gesprek=gesprek,
        hr_user=hr_user,
        lg_user=lg_user,
        hr=contact(werkgever, "hr", "Henk Personeel", user=hr_user),
        lg=contact(werkgever, "leidinggevende", "Lies Leiding", user=lg_user),
        buddy=contact(werkgever, "buddy", "Bram Buddy", email="bram@example.nl"),
        coach=coach,
    )


def form_data(scene, **changes) -> dict:
    data = {
        "start_date": days(-21).isoformat(),
        "soort": "proefplaatsing",
        "contract_uren": "20",
        "leidinggevende": scene.lg.pk,
        "buddy": scene.buddy.pk,
        "regelingen": [Regeling.objects.get(key="no_riskpolis").pk],
        "structuur": "Elke ochtend om negen uur samen de dag doornemen",
        "welkom": "Koffie met het team",
        "eerste_dag": "Lies staat klaar bij de deur",
        "eerste_weken": "Elke vrijdag even bijpraten",
        "signalen_wie": "Lies merkt het als Bram stiller wordt",
        "wie_belt_wie": "Lies belt de jobcoach dezelfde dag",
        "bij_verzuim": "Ziekmelden bij Lies; de jobcoach houdt contact",
        "contact_tijdens_uitval": "Elke week een kort belletje",
        "buddy_checklist": ["zelf_gekozen", "rol_besproken"],
    }
    data.update(changes)
    return data


def create_url(scene) -> str:
    return reverse("placements:create", args=[scene.gesprek.pk])


def place(scene, **changes) -> Plaatsing:
    data = form_data(scene, **changes)
    for name in ("leidinggevende", "buddy"):
        if data[name] is not None:
            data[name] = Contactpersoon.objects.get(pk=data[name])
    data["regelingen"] = Regeling.objects.filter(pk__in=data["regelingen"])
    data["start_date"] = datetime.date.fromisoformat(data["start_date"])
    return Plaatsing.create_from_match(scene.gesprek, scene.coach, traject=scene.traject, **data)


def add_steps(plaatsing, n: int) -> None:
    for i in range(n):
        OpbouwStap.objects.create(
            plaatsing=plaatsing,
            week_start=plaatsing.start_date + datetime.timedelta(weeks=i),
            planned_hours=min(8 + 2 * i, 40),
            actual_hours=(6 + 2 * i) if i < 3 else None,
        )


def placed_scene(coach, **changes):
    """A started placement (phase c) whose candidate has their own account
    (`scene.kandidaat_user`); `scene.plaatsing` is the placement."""
    scene = make_scene(coach)
    kandidaat_user = UserFactory(role="kandidaat", email=scene.kandidaat.email)
    scene.kandidaat.user = kandidaat_user
    scene.kandidaat.save()
    scene.traject.betrokkenen.filter(party="kandidaat").update(user=kandidaat_user)
    scene.kandidaat_user = kandidaat_user
    scene.plaatsing = place(scene, **changes)
    return scene
