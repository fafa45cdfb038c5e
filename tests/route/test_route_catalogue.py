"""The route catalogue: all parties, phases and guidance notes, loaded from the repo's YAML."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from werkpad.route.catalogue import load_catalogue, read_catalogue
from werkpad.route.models import Handreiking, Party, Phase, RouteMilestone

pytestmark = pytest.mark.django_db


def test_all_parties_and_phases_have_milestones():
    pairs = set(RouteMilestone.objects.filter(active=True).values_list("party", "phase"))
    assert {party for party, _ in pairs} == set(Party.values)
    assert {phase for _, phase in pairs} == set(Phase.values)


def test_every_numbered_note_is_attached_to_a_milestone():
    numbers = set(
        Handreiking.objects.filter(milestones__isnull=False).values_list("number", flat=True)
    )
    assert numbers == set(range(1, 82))


def test_every_milestone_has_guidance_or_a_note():
    for milestone in RouteMilestone.objects.prefetch_related("handreikingen"):
        assert milestone.guidance or milestone.handreikingen.all(), milestone.key


def test_sources_carry_title_and_address():
    note = Handreiking.objects.get(number=1)
    titles = [s.title for s in note.sources.all()]
    assert any("Werkcapaciteit" in t for t in titles)
    assert all(s.url.startswith("http") for s in note.sources.all())


def test_loading_twice_changes_nothing():
    before = RouteMilestone.objects.count(), Handreiking.objects.count()
    counts = load_catalogue()
    assert (RouteMilestone.objects.count(), Handreiking.objects.count()) == before
    assert counts["milestones"] == len(read_catalogue()["milestones"])


def test_route_page_shows_matrix_with_guidance_links(client, coach):
    client.force_login(coach)
    response = client.get(reverse("route:map"))
    html = response.content.decode()
    assert response.status_code == 200
    for party in Party:
        assert escape(str(party.label)) in html
    milestone = RouteMilestone.objects.get(key=read_catalogue()["milestones"][0]["key"])
    assert reverse("route:milestone", args=[milestone.key]) in html


def test_guidance_opens_with_note_text_and_sources(client, coach):
    client.force_login(coach)
    milestone = RouteMilestone.objects.filter(handreikingen__number=11).first()
    response = client.get(reverse("route:milestone", args=[milestone.key]))
    note = Handreiking.objects.get(number=11)
    assert note.text[:40] in response.content.decode()
    assert "crisiskaart.nl" in response.content.decode()


def test_route_requires_login(client):
    response = client.get(reverse("route:map"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
