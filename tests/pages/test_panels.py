"""The panel registry: apps add parts to the composed pages without the pages importing them,
and a panel that has nothing to show for this user leaves no trace."""

import pytest
from django.urls import reverse

from werkpad import panels


@pytest.fixture
def scratch_page():
    """A page name of its own, so the real pages' registrations are untouched."""
    yield "test-page"
    panels._registry.pop("test-page", None)


def test_panels_come_per_slot_in_order_and_empty_ones_are_left_out(scratch_page):
    panels.register(scratch_page, "b", lambda user, obj: {"n": 2}, template="b.html", order=20)
    panels.register(scratch_page, "a", lambda user, obj: {"n": 1}, template="a.html", order=10)
    panels.register(scratch_page, "leeg", lambda user, obj: {}, template="leeg.html")
    panels.register(
        scratch_page, "zij", lambda user, obj: {"obj": obj}, template="z.html", slot="side"
    )

    shown = panels.for_page(scratch_page, None, "x")

    assert [p.name for p in shown["main"]] == ["a", "b"]
    assert [p.context for p in shown["main"]] == [{"n": 1}, {"n": 2}]
    assert shown["side"][0].context == {"obj": "x"}
    assert "leeg" not in {p.name for slot in shown.values() for p in slot}


def test_registering_a_name_again_replaces_the_panel(scratch_page):
    panels.register(scratch_page, "a", lambda user, obj: {"v": 1}, template="a.html")
    panels.register(scratch_page, "a", lambda user, obj: {"v": 2}, template="a2.html")

    (only,) = panels.for_page(scratch_page, None, None)["main"]
    assert (only.template, only.context) == ("a2.html", {"v": 2})


def test_the_later_apps_register_their_panels_on_the_composed_pages():
    on = {page: {p.name for p in panels.registered(page)} for page in panels._registry}
    assert {"uitval"} <= on["traject"]
    assert {"uitval", "monitoring", "ontwikkeling", "driegesprekken"} <= on["plaatsing"]
    assert {"checkin"} <= on["portal"]


@pytest.mark.django_db
def test_the_placement_page_shows_the_dropout_panel_registered_by_the_dropout_app(client, scene):
    from werkpad.dropout import service

    service.report(scene.traject, scene.coach, begonnen_op=scene.plaatsing.start_date, reden="Ziek")
    client.force_login(scene.coach)
    html = client.get(reverse("placements:detail", args=[scene.plaatsing.pk])).content.decode()
    assert "Uitval sinds" in html
