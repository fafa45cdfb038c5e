"""Keeping work in headless Chromium, as people click through it: the candidate fills in a
check-in on a phone; a worrying answer reaches the coach's inbox and the traffic light; the
coach plans a three-party meeting and takes it into a calendar; the supervisor reports
dropout and finds the crisis card; the coach brings the candidate back to work with a
return plan and a new build-up of hours."""

import datetime
import re

import pytest
from django.utils import formats
from icalendar import Calendar
from playwright.sync_api import Page, expect

from tests.scenes import TODAY, add_steps, days, placed_scene
from werkpad.dropout import service as uitval_service
from werkpad.dropout.models import UitvalEpisode
from werkpad.instruments.models import DeelVersie, InstrumentVersie
from werkpad.monitoring.models import Driegesprek, KandidaatCheckIn
from werkpad.notifications.models import Melding
from werkpad.route.models import Phase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
QUESTIONS = {
    "energie": "Hoeveel energie had je de afgelopen tijd?",
    "spanning": "Hoeveel spanning of stress voelde je?",
    "plezier": "Hoeveel plezier had je in je werk?",
    "belasting": "Past de hoeveelheid werk bij wat je nu aankunt?",
}
REMARK_LABEL = "Wil je nog iets kwijt? (mag leeg blijven)"
REMARK = "De nieuwe collega legt alles rustig uit."
PLACE = "Kantine van Bakkerij De Korrel, eerste verdieping"
REASON = "Ziek gemeld na een drukke week; slaapt slecht."
CRISIS_CONTACT = "Mila Jansen"
STEPS = [
    "Kennismaken met de bedrijfsarts",
    "Eerste week alleen ochtenden",
    "Daarna samen evalueren",
]


def field(label: str) -> re.Pattern:
    """A form label exactly, with or without Django's label suffix ("Naam:")."""
    return re.compile(rf"^{re.escape(label)}:?$")


def fresh_page(new_context, **kwargs) -> Page:
    """A page in a browser context of its own (its own cookies), closed after the test."""
    page = new_context(**kwargs).new_page()
    page.set_default_timeout(10_000)
    return page


def no_sideways_scroll(page: Page, width: int = PHONE["width"]) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"de pagina scrolt opzij: {scroll_width}px op {width}px"


def answer_checkin(page: Page, answers: dict[str, int], remark: str = "") -> None:
    """Tap one number per question (1 to 5) and write the remark."""
    for key, value in answers.items():
        page.get_by_role("group", name=QUESTIONS[key]).get_by_label(str(value), exact=True).check()
    if remark:
        page.get_by_label(REMARK_LABEL).fill(remark)
    page.get_by_role("button", name="Versturen").click()


def dutch_date(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


# --- 1. the candidate's check-in on a phone ------------------------------------------------


def test_candidate_fills_in_a_checkin_from_the_portal_on_a_phone(
    page: Page, live_server, login, coach
):
    scene = placed_scene(coach)
    first_name = scene.kandidaat.first_name
    page.set_viewport_size(PHONE)
    login(page, scene.kandidaat_user)
    page.goto(f"{live_server.url}/mijn/")
    expect(page.get_by_role("heading", name=f"Hoi {first_name}", level=1)).to_be_visible()

    page.get_by_role("link", name="Check-in invullen").click()
    expect(
        page.get_by_role("heading", name=f"Hoi {first_name}, hoe gaat het?", level=1)
    ).to_be_visible()
    for question in QUESTIONS.values():
        expect(page.get_by_role("group", name=question)).to_be_visible()
    no_sideways_scroll(page)

    answer_checkin(page, {"energie": 4, "spanning": 2, "plezier": 5, "belasting": 4}, REMARK)

    expect(page.get_by_role("heading", name=f"Dank je wel, {first_name}!", level=1)).to_be_visible()
    expect(page.get_by_text("Je check-in is opgeslagen.")).to_be_visible()
    expect(page.locator("#zorg")).to_have_count(0)  # nothing worrying: no alarm for the candidate
    no_sideways_scroll(page)

    checkin = KandidaatCheckIn.objects.get(plaatsing=scene.plaatsing)
    assert (checkin.energie, checkin.spanning, checkin.plezier, checkin.belasting) == (4, 2, 5, 4)
    assert checkin.opmerking == REMARK
    assert checkin.ingevuld_door == scene.kandidaat_user and not checkin.via_link
    assert checkin.datum == TODAY

    # the way back leads to the placement, where the light is green now
    page.get_by_role("link", name="Terug naar de plaatsing").click()
    expect(page.locator("#monitoring-panel")).to_contain_text("Groen")


# --- 2. an orange check-in reaches the coach -------------------------------------------------


def test_orange_checkin_lands_in_the_coachs_inbox_and_on_the_traffic_light(
    page: Page, live_server, login, coach, new_context
):
    scene = placed_scene(coach)
    kandidaat = scene.kandidaat
    reason = "Energie is laag (1 van 5)"

    # the candidate, in their own browser, has very little energy
    candidate = fresh_page(new_context)
    login(candidate, scene.kandidaat_user)
    candidate.goto(f"{live_server.url}/mijn/")
    candidate.get_by_role("link", name="Check-in invullen").click()
    answer_checkin(candidate, {"energie": 1, "spanning": 2, "plezier": 4, "belasting": 4})
    expect(candidate.locator("#zorg")).to_contain_text("Je jobcoach krijgt een bericht")

    # the coach sees one new message in the menu
    login(page, coach)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    inbox_link = menu.get_by_role("link", name=re.compile(r"^Meldingen"))
    expect(inbox_link).to_have_accessible_name(re.compile(r"^Meldingen \(1\b"))
    expect(page.locator("#meldingen-teller")).to_contain_text("(1")
    inbox_link.click()
    expect(page.get_by_role("heading", name="Meldingen", level=1)).to_be_visible()

    message = page.locator("#meldingen > li")
    expect(message).to_have_count(1)
    expect(message.locator(".niveau")).to_have_text("Oranje")
    expect(message.get_by_role("heading")).to_have_text(f"Oranje signaal: {kandidaat}")
    expect(message).to_contain_text(reason)
    expect(message.get_by_text("Nieuw", exact=True)).to_be_visible()

    # following it opens the monitoring page with the light and the reason in words
    message.get_by_role("link", name=f"Oranje signaal: {kandidaat}").click()
    expect(page.get_by_role("heading", name=f"Monitoring: {kandidaat}", level=1)).to_be_visible()
    light = page.locator("#stoplicht")
    expect(light.locator(".licht-oranje")).to_have_text(re.compile(r"Oranje"))
    expect(page.locator("#redenen")).to_contain_text(reason)
    expect(page.locator("#stappen")).to_contain_text("Neem binnen 3 dagen contact op")

    # the message is read now: the counter in the menu is gone
    expect(page.locator("#meldingen-teller")).to_have_text("")
    melding = Melding.objects.get(ontvanger=coach)
    assert melding.niveau == "oranje" and melding.gelezen_op is not None


# --- 3. the coach plans a three-party meeting --------------------------------------------------


def test_coach_plans_a_driegesprek_and_downloads_the_invitation(
    page: Page, live_server, login, coach
):
    scene = placed_scene(coach)
    first_name = scene.kandidaat.first_name
    login(page, coach)
    page.goto(f"{live_server.url}/plaatsingen/{scene.plaatsing.pk}/")
    expect(
        page.get_by_role("heading", name=f"Plaatsing: {scene.kandidaat}", level=1)
    ).to_be_visible()
    expect(page.locator("#driegesprekken")).to_contain_text("Er staat geen driegesprek gepland.")

    page.locator("#driegesprekken").get_by_role("link", name="Driegesprek plannen").click()
    expect(page.get_by_role("heading", name="Driegesprek plannen", level=1)).to_be_visible()
    # the proposal: next week, at the workplace
    expect(page.get_by_label(field("Datum"))).to_have_value(days(7).isoformat())
    expect(page.get_by_label(field("Waar"))).to_have_value(re.compile("Winkel"))

    # a date in the past is refused at the field; the typed place stays
    page.get_by_label(field("Datum")).fill(days(-3).isoformat())
    page.get_by_label(field("Tijd")).fill("14:30")
    page.get_by_label(field("Duur (minuten)")).fill("60")
    page.get_by_label(field("Waar")).fill(PLACE)
    page.get_by_role("button", name="Driegesprek plannen").click()
    expect(page.get_by_text("Dit moment is al voorbij.", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Driegesprek plannen", level=1)).to_be_visible()
    expect(page.get_by_label(field("Waar"))).to_have_value(PLACE)
    expect(page.get_by_label(field("Tijd"))).to_have_value("14:30")
    assert not Driegesprek.objects.exists()

    # next week it is
    when = days(7)
    page.get_by_label(field("Datum")).fill(when.isoformat())
    page.get_by_role("button", name="Driegesprek plannen").click()
    expect(page.get_by_text("Het driegesprek is gepland.", exact=False)).to_be_visible()
    expect(
        page.get_by_role("heading", name=f"Driegesprek met {first_name}", level=1)
    ).to_be_visible()
    facts = page.locator("#driegesprek-gegevens")
    expect(facts).to_contain_text(f"{dutch_date(when)}, 14:30 uur (60 minuten)")
    expect(facts).to_contain_text(PLACE)

    gesprek = Driegesprek.objects.get()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In mijn agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as ics_file:
        calendar = Calendar.from_ical(ics_file.read())

    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == f"Driegesprek {first_name}"
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Amsterdam"
    assert start.dt.replace(tzinfo=None) == datetime.datetime.combine(when, datetime.time(14, 30))
    assert event.decoded("DTEND") - start.dt == datetime.timedelta(minutes=60)
    assert str(event["UID"]) == f"{gesprek.uid}@werkpad"
    assert str(event["LOCATION"]) == PLACE
    assert calendar.walk("VTIMEZONE"), "zonder VTIMEZONE klopt de tijd niet in elke agenda"

    # back on the placement page the meeting is the next one
    page.get_by_role("link", name="Terug naar de plaatsing").click()
    expect(page.locator("#driegesprekken")).to_contain_text("14:30")
    expect(page.locator("#driegesprekken")).to_contain_text(PLACE)


# --- 4. the supervisor reports dropout --------------------------------------------------------


def share_crisis_card_with_supervisor(scene) -> None:
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat,
        kind="crisiskaart",
        number=1,
        data={
            "crisis": "Ik trek me terug en neem de telefoon niet op.",
            "helpt": "Rustig praten, even naar buiten.",
            "contacten": [
                {"naam": CRISIS_CONTACT, "rol": "zus", "telefoon": "06 12345678"},
            ],
        },
    )
    DeelVersie.objects.create(
        kandidaat=scene.kandidaat, number=1, shared={"leidinggevende": ["crisiskaart"]}
    )


def test_supervisor_reports_dropout_and_finds_the_crisis_card(
    page: Page, live_server, login, coach
):
    scene = placed_scene(coach)
    share_crisis_card_with_supervisor(scene)
    kandidaat = scene.kandidaat
    placement_url = f"{live_server.url}/plaatsingen/{scene.plaatsing.pk}/"

    login(page, scene.lg_user)
    page.goto(placement_url)
    expect(page.get_by_role("heading", name=f"Plaatsing: {kandidaat}", level=1)).to_be_visible()
    page.get_by_role("link", name="Uitval melden").click()
    expect(page.get_by_role("heading", name=f"Uitval melden: {kandidaat}", level=1)).to_be_visible()

    page.get_by_label(field("Sinds wanneer gaat werken niet?")).fill(days(-1).isoformat())
    page.get_by_label(field("Wat is er gebeurd?")).fill(REASON)
    page.get_by_role("button", name="Uitval melden").click()

    expect(page.get_by_text("De uitval is gemeld.", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name=f"Uitval: {kandidaat}", level=1)).to_be_visible()
    expect(page.locator("#uitval-status")).to_contain_text(f"Sinds {dutch_date(days(-1))}")
    checklist = page.locator("#checklist")
    expect(checklist.get_by_role("heading", name="Checklist bij uitval")).to_be_visible()
    expect(checklist).to_contain_text("De jobcoach weet ervan")
    expect(checklist).to_contain_text("De leidinggevende weet ervan")
    card_button = page.get_by_role("link", name="Crisiskaart openen")
    expect(card_button).to_be_visible()

    episode = UitvalEpisode.objects.get()
    assert episode.gemeld_door == scene.lg_user and episode.plaatsing == scene.plaatsing
    assert episode.begonnen_op == days(-1) and episode.reden == REASON
    scene.traject.refresh_from_db()
    assert scene.traject.phase == Phase.UITVAL

    card_button.click()
    expect(page.get_by_role("heading", name=re.compile(r"^Crisiskaart"), level=1)).to_be_visible()
    expect(page.locator("ul.contacts")).to_contain_text(CRISIS_CONTACT)
    expect(page.get_by_text("Rustig praten, even naar buiten.")).to_be_visible()

    # from the placement page the card is one click away (at most two are allowed)
    page.goto(placement_url)
    expect(page.locator("#uitval-panel")).to_contain_text(f"Uitval sinds {dutch_date(days(-1))}")
    expect(page.get_by_role("link", name="Uitval melden")).to_have_count(0)
    page.locator("#uitval-panel").get_by_role("link", name="Crisiskaart openen").click()
    expect(page.locator("ul.contacts")).to_contain_text(CRISIS_CONTACT)


# --- 5. the coach brings the candidate back to work ----------------------------------------


def test_coach_closes_dropout_with_a_return_plan_and_a_new_build_up(
    page: Page, live_server, login, coach
):
    scene = placed_scene(coach)
    add_steps(scene.plaatsing, 4)  # weeks -3 .. 0, hours worked in the first three
    began = days(-3)
    episode = uitval_service.report(
        scene.traject, coach, begonnen_op=began, reden=REASON, plaatsing=scene.plaatsing
    )
    kandidaat = scene.kandidaat
    back_on = days(7)

    login(page, coach)
    page.goto(f"{live_server.url}/trajecten/{scene.traject.pk}/")
    expect(page.get_by_role("heading", name=str(kandidaat), level=1)).to_be_visible()
    expect(page.locator("#current-phase")).to_have_text("Uitval")
    page.get_by_role("link", name="Naar de uitval: checklist en contact").click()
    expect(page.get_by_role("heading", name=f"Uitval: {kandidaat}", level=1)).to_be_visible()
    page.get_by_role("link", name="De weg terug").click()
    expect(page.get_by_role("heading", name=f"De weg terug: {kandidaat}", level=1)).to_be_visible()

    plan = page.locator("#terug-naar-werk")
    steps_box = plan.get_by_label(field("Stappen terug naar werk"))
    steps_box.fill("\n".join(STEPS))
    # a first work day before the dropout: refused at the field, the steps stay
    plan.get_by_label(field("Eerste werkdag")).fill(days(-5).isoformat())
    plan.get_by_role("group", name=field("Terug naar fase")).get_by_label(
        "Plaatsing (opnieuw opbouwen)"
    ).check()
    plan.get_by_label(field("Beginnen met (uur per week)")).fill("8")
    plan.get_by_label(field("Elke stap erbij (uur)")).fill("4")
    plan.get_by_label(field("Weken per stap")).fill("2")
    plan.get_by_role("button", name="Terug naar werk").click()

    expect(
        page.get_by_text(
            f"De eerste werkdag ligt vóór de datum van uitval ({dutch_date(began)}). "
            "Kies een latere datum."
        )
    ).to_be_visible()
    plan = page.locator("#terug-naar-werk")
    expect(plan.get_by_label(field("Stappen terug naar werk"))).to_have_value("\n".join(STEPS))
    expect(plan.get_by_label(field("Beginnen met (uur per week)"))).to_have_value("8")
    episode.refresh_from_db()
    assert episode.is_open

    plan.get_by_label(field("Eerste werkdag")).fill(back_on.isoformat())
    plan.get_by_role("button", name="Terug naar werk").click()

    expect(page.get_by_text("Welkom terug! Het terugkeerplan staat klaar.")).to_be_visible()
    return_plan = page.locator("#terugkeerplan")
    expect(return_plan).to_contain_text(dutch_date(back_on))
    expect(return_plan).to_contain_text("Plaatsing (opnieuw opbouwen)")
    expect(page.locator("ol.uitval-stappen > li")).to_have_text(STEPS)

    # the traject is back in Plaatsing, with the episode in its history
    page.get_by_role("link", name=f"Terug naar het traject van {kandidaat}").click()
    expect(page.get_by_role("heading", name=str(kandidaat), level=1)).to_be_visible()
    expect(page.locator("#current-phase")).to_have_text("Plaatsing")
    history = page.locator("#uitval-geschiedenis > li")
    expect(history).to_have_count(1)
    expect(history).to_contain_text(f"{dutch_date(began)} – {dutch_date(back_on)}")
    expect(history).to_contain_text(REASON)

    # the placement's build-up starts again from the first day back: 8, 12, 16, 20
    page.locator("#plaatsingen").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name=f"Plaatsing: {kandidaat}", level=1)).to_be_visible()
    rows = page.locator("#opbouw-tabel tbody tr")
    expect(rows).to_have_count(8)  # four weeks before the dropout stay
    new_rows = rows.filter(has_text=re.compile(r"Opnieuw opbouwen na uitval"))
    expect(new_rows).to_have_count(1)
    expect(new_rows.get_by_role("rowheader")).to_have_text(dutch_date(back_on))
    expect(rows.locator("td:nth-of-type(1)")).to_have_text(
        ["8", "10", "12", "14", "8", "12", "16", "20"]
    )

    episode.refresh_from_db()
    scene.traject.refresh_from_db()
    assert scene.traject.phase == Phase.PLAATSING
    assert episode.geeindigd_op == back_on and episode.einde == UitvalEpisode.Einde.TERUG_PLAATSING
    assert episode.terugkeerplan.stappen == "\n".join(STEPS)
    new_steps = scene.plaatsing.opbouw.filter(week_start__gte=back_on).order_by("week_start")
    assert [float(s.planned_hours) for s in new_steps] == [8, 12, 16, 20]
    assert [s.week_start for s in new_steps] == [
        back_on + datetime.timedelta(weeks=2 * i) for i in range(4)
    ]
