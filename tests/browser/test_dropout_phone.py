"""Dropout on a phone (375 px wide, headless Chromium): the supervisor opens the dropout page,
finds the crisis card at the top and ticks the checklist without the page reloading."""

import pytest
from playwright.sync_api import Page, expect

from tests.scenes import days, placed_scene
from werkpad.dropout import service
from werkpad.dropout.models import ChecklistPunt
from werkpad.instruments.models import DeelVersie, InstrumentVersie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_supervisor_uses_the_dropout_page_on_a_phone(page: Page, live_server, login, coach):
    page.set_viewport_size({"width": 375, "height": 740})
    scene = placed_scene(coach)
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat, kind="crisiskaart", number=1, data={"helpt": "Rustig praten"}
    )
    DeelVersie.objects.create(
        kandidaat=scene.kandidaat, number=1, shared={"leidinggevende": ["crisiskaart"]}
    )
    episode = service.report(
        scene.traject, coach, begonnen_op=days(-1), reden="Ziek", plaatsing=scene.plaatsing
    )
    login(page, scene.lg_user)
    page.goto(f"{live_server.url}/uitval/{episode.pk}/")

    card = page.locator("#uitval-crisiskaart")
    expect(card).to_be_visible()
    assert card.bounding_box()["y"] < 740  # on the first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll

    point = page.locator("#punt-leidinggevende_weet_het")
    point.get_by_placeholder("Notitie (mag leeg blijven)").fill("Zelf gebeld")
    page.evaluate("window.__same_page = true")
    point.get_by_role("button", name="Gedaan").click()
    expect(page.locator("#punt-leidinggevende_weet_het .punt-door")).to_contain_text("Gedaan")
    assert page.evaluate("window.__same_page === true")  # swapped in place, no reload
    punt = ChecklistPunt.objects.get(episode=episode, key="leidinggevende_weet_het")
    assert punt.gedaan and punt.door == scene.lg_user and punt.notitie == "Zelf gebeld"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
