"""Milestones come from the catalogue for the parties present in a traject."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from werkpad.route.models import Party, RouteMilestone
from werkpad.trajects.models import TrajectMilestone

pytestmark = pytest.mark.django_db


def catalogue_keys(*parties):
    return set(
        RouteMilestone.objects.filter(party__in=parties, active=True).values_list("key", flat=True)
    )


def traject_keys(traject):
    return set(traject.milestones.values_list("route_milestone__key", flat=True))


def test_opening_brings_candidate_and_coach_milestones(traject):
    assert traject_keys(traject) == catalogue_keys(Party.KANDIDAAT, Party.BEGELEIDING)


def test_adding_a_party_adds_its_milestones_once(traject, coach):
    employer = UserFactory(role="werkgever")
    traject.add_betrokkene(Party.WERKGEVER, by=coach, user=employer)
    traject.add_betrokkene(Party.WERKGEVER, by=coach, name="Tweede contact")
    assert traject_keys(traject) == catalogue_keys(
        Party.KANDIDAAT, Party.BEGELEIDING, Party.WERKGEVER
    )
    owned = traject.milestones.filter(route_milestone__party=Party.WERKGEVER)
    assert {m.owner.user for m in owned} == {employer}


def test_contact_without_account(traject, coach):
    sister = traject.add_betrokkene(
        Party.PERSOONLIJKE_OMGEVING,
        by=coach,
        name="Fatima el Amrani",
        role="zus",
        phone="0612345678",
    )
    assert sister.user is None and sister.display_name == "Fatima el Amrani"
    assert traject.milestones.filter(owner=sister).exists()


def test_not_applicable_needs_a_reason(client, coach, traject):
    client.force_login(coach)
    milestone = traject.milestones.first()
    url = reverse("trajects:milestone_edit", args=[traject.pk, milestone.pk])
    response = client.post(url, {"status": "nvt", "note": "mijn notitie", "nvt_reason": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geef aan waarom deze mijlpaal niet van toepassing is." in html
    assert "mijn notitie" in html  # what was typed is kept
    milestone.refresh_from_db()
    assert milestone.status == "open"


def test_quick_status_with_htmx_returns_the_row(client, coach, traject):
    client.force_login(coach)
    milestone = traject.milestones.filter(route_milestone__phase="a").first()
    url = reverse("trajects:milestone_status", args=[traject.pk, milestone.pk])
    response = client.post(url, {"status": "klaar"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert f'id="milestone-{milestone.pk}"' in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.status == TrajectMilestone.Status.KLAAR
    event = traject.gebeurtenissen.get(kind="mijlpaal")
    assert event.milestone == milestone and event.status == "klaar" and event.actor == coach


def test_quick_status_refuses_unknown_status(client, coach, traject):
    client.force_login(coach)
    milestone = traject.milestones.first()
    url = reverse("trajects:milestone_status", args=[traject.pk, milestone.pk])
    response = client.post(url, {"status": "weg"}, headers={"HX-Request": "true"})
    assert "Kies open, mee bezig of klaar" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.status == "open"


def test_past_due_date_refused_but_kept(client, coach, traject):
    client.force_login(coach)
    milestone = traject.milestones.first()
    url = reverse("trajects:milestone_edit", args=[traject.pk, milestone.pk])
    response = client.post(url, {"status": "bezig", "due_date": "2020-01-01", "note": "x"})
    html = response.content.decode()
    assert "Een nieuwe streefdatum kan niet in het verleden liggen." in html
    assert 'value="2020-01-01"' in html
