"""Dropout (phase e): reporting from the placement page, the crisis card for who it is shared
with, the checklist, contact kept with reminders, the way back and the history."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tests.factories import UserFactory
from tests.scenes import TODAY, add_steps, days
from werkpad.dropout import catalogue, service
from werkpad.dropout.models import ChecklistPunt, Contactmoment, UitvalEpisode
from werkpad.instruments.models import DeelVersie, InstrumentVersie
from werkpad.notifications.models import Bericht, Melding
from werkpad.placements.models import OpbouwStap
from werkpad.route.models import Party

pytestmark = pytest.mark.django_db

REDEN = "ZQX-reden: ziek gemeld na een zware week"
WAT_HIELP = "ZQX-hielp: elke week een wandeling met de jobcoach"


def melden_url(scene) -> str:
    return reverse("uitval:melden", args=[scene.traject.pk])


def report_data(scene, **changes) -> dict:
    data = {
        "begonnen_op": days(-2).isoformat(),
        "reden": REDEN,
        "plaatsing": scene.plaatsing.pk,
        "contact_elke_dagen": "7",
    }
    data.update(changes)
    return data


def report(scene, by=None, begonnen_op=None, **kwargs) -> UitvalEpisode:
    return service.report(
        scene.traject,
        by or scene.coach,
        begonnen_op=begonnen_op or days(-2),
        reden=REDEN,
        plaatsing=scene.plaatsing,
        **kwargs,
    )


def page(client, user, url, **extra):
    client.force_login(user)
    return client.get(url, **extra)


def detail_url(episode) -> str:
    return reverse("uitval:detail", args=[episode.pk])


def share(scene, party: str, *categories: str) -> None:
    DeelVersie.objects.create(kandidaat=scene.kandidaat, number=1, shared={party: list(categories)})


def crisiskaart(scene) -> None:
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat,
        kind="crisiskaart",
        number=1,
        data={"helpt": "Rustig praten", "contacten": [{"naam": "Mila", "telefoon": "0612345678"}]},
    )


# --- 1. reporting ----------------------------------------------------------------------


def test_supervisor_reports_from_the_placement_page(client, scene):
    response = page(client, scene.lg_user, reverse("placements:detail", args=[scene.plaatsing.pk]))
    link = f"{melden_url(scene)}?plaatsing={scene.plaatsing.pk}"
    assert link in response.content.decode()

    response = client.post(link, report_data(scene))
    episode = UitvalEpisode.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(episode)

    scene.traject.refresh_from_db()
    assert scene.traject.phase == "e"
    assert episode.gemeld_door == scene.lg_user and episode.plaatsing == scene.plaatsing
    assert episode.transition.to_phase == "e" and episode.transition.reason == REDEN
    assert set(episode.checklist.values_list("key", flat=True)) == set(catalogue.punten())
    event = scene.traject.gebeurtenissen.get(kind="uitval")
    assert event.detail == {"episode": episode.pk, "event": "start"}

    alerts = Melding.objects.filter(ontvanger=scene.coach)
    assert alerts.count() == 1
    assert alerts.get().soort == "uitval" and alerts.get().url == detail_url(episode)
    assert not Melding.objects.filter(ontvanger=scene.lg_user).exists()  # the reporter knows
    assert Melding.objects.filter(ontvanger=scene.kandidaat_user, soort="uitval").exists()
    mail = Bericht.objects.get(aan=scene.coach.email)
    assert scene.kandidaat.first_name not in mail.tekst and "ZQX" not in mail.tekst

    # the placement page now shows the banner instead of the button
    html = page(client, scene.lg_user, reverse("placements:detail", args=[scene.plaatsing.pk]))
    html = html.content.decode()
    assert "Uitval sinds" in html and detail_url(episode) in html
    assert link not in html


def test_bad_dates_are_refused_at_the_field_with_input_kept(client, scene):
    client.force_login(scene.lg_user)
    response = client.post(melden_url(scene), report_data(scene, begonnen_op=days(1).isoformat()))
    html = response.content.decode()
    assert response.status_code == 200
    assert "De datum van uitval ligt in de toekomst." in html
    assert "ZQX-reden" in html  # what was typed is kept

    before = (scene.plaatsing.start_date - datetime.timedelta(days=1)).isoformat()
    response = client.post(melden_url(scene), report_data(scene, begonnen_op=before))
    html = response.content.decode()
    assert "De datum van uitval ligt vóór de start van de plaatsing" in html
    assert f'value="{before}"' in html

    response = client.post(
        melden_url(scene), report_data(scene, contact_elke_dagen="abc", plaatsing="999999")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een geheel getal in." in html and "Selecteer een geldige keuze" in html
    assert not UitvalEpisode.objects.exists()
    scene.traject.refresh_from_db()
    assert scene.traject.phase == "c"


def test_reporting_twice_is_refused_clearly(client, scene):
    episode = report(scene)
    client.force_login(scene.lg_user)
    response = client.post(melden_url(scene), report_data(scene))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is al uitval gemeld sinds" in html
    assert detail_url(episode) in html
    assert UitvalEpisode.objects.count() == 1


def test_reporting_only_from_placement_or_sustained_work(client, coach, traject):
    client.force_login(coach)
    url = reverse("uitval:melden", args=[traject.pk])
    html = client.get(url).content.decode()
    assert "Uitval melden kan als iemand aan het werk is" in html
    client.post(url, {"begonnen_op": TODAY.isoformat(), "reden": "x", "contact_elke_dagen": 7})
    traject.refresh_from_db()
    assert traject.phase == "a" and not UitvalEpisode.objects.exists()


def test_phase_move_form_no_longer_offers_uitval(client, scene):
    client.force_login(scene.coach)
    url = reverse("trajects:move", args=[scene.traject.pk])
    html = client.get(url).content.decode()
    assert 'value="e"' not in html
    assert melden_url(scene) in html
    response = client.post(url, {"to_phase": "e", "reason": "Ziek"})
    assert "Selecteer een geldige keuze" in response.content.decode()
    scene.traject.refresh_from_db()
    assert scene.traject.phase == "c"

    # in phase e the way back goes through the return plan, not through this form
    episode = report(scene)
    html = client.get(url).content.decode()
    assert reverse("uitval:terug", args=[episode.pk]) in html
    client.post(url, {"to_phase": "c", "reason": "Beter"})
    scene.traject.refresh_from_db()
    assert scene.traject.phase == "e"


# --- 2. the episode page, the crisis card and the checklist ----------------------------


def test_supervisor_sees_crisis_card_button_only_when_shared(client, scene):
    crisiskaart(scene)
    episode = report(scene)
    card_url = reverse("instruments:detail", args=[scene.kandidaat.pk, "crisiskaart"])

    html = page(client, scene.lg_user, detail_url(episode)).content.decode()
    assert 'id="uitval-crisiskaart"' not in html and card_url not in html
    assert 'id="geen-crisiskaart"' in html
    assert client.get(card_url).status_code == 403

    share(scene, "leidinggevende", "crisiskaart")
    html = client.get(detail_url(episode)).content.decode()
    assert 'id="uitval-crisiskaart"' in html and card_url in html
    assert reverse("instruments:crisiskaart_pdf", args=[scene.kandidaat.pk]) in html
    assert client.get(card_url).status_code == 200
    # and on the placement page, in the dropout banner
    html = client.get(reverse("placements:detail", args=[scene.plaatsing.pk])).content.decode()
    assert 'id="uitval-crisiskaart"' in html


def test_episode_page_shows_plan_and_keeps_the_reason_for_the_coach(client, scene):
    episode = report(scene, by=scene.lg_user)
    html = page(client, scene.lg_user, detail_url(episode)).content.decode()
    assert "Lies belt de jobcoach dezelfde dag" in html  # who calls whom, from the plan
    assert "ZQX-reden" not in html  # the reason is for the coach, team lead and candidate
    html = page(client, scene.coach, detail_url(episode)).content.decode()
    assert "ZQX-reden" in html
    html = page(client, scene.kandidaat_user, detail_url(episode)).content.decode()
    assert "ZQX-reden" in html and "Even niet aan het werk" in html


def test_supervisor_ticks_the_checklist(client, scene):
    episode = report(scene)
    client.force_login(scene.lg_user)
    url = reverse("uitval:checklist", args=[episode.pk, "arbodienst_afgestemd"])
    response = client.post(
        url, {"gedaan": "1", "notitie": "Bedrijfsarts gebeld"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="punt-arbodienst_afgestemd"' in html and "<html" not in html
    assert "Gedaan" in html and escape(str(scene.lg_user)) in html
    punt = ChecklistPunt.objects.get(episode=episode, key="arbodienst_afgestemd")
    assert punt.gedaan and punt.door == scene.lg_user and punt.gedaan_op is not None
    assert punt.notitie == "Bedrijfsarts gebeld"

    # without JavaScript: back to the page, at the point
    response = client.post(url, {"gedaan": "0", "notitie": "Bedrijfsarts gebeld"})
    assert response.status_code == 302 and response["Location"].endswith(
        "#punt-arbodienst_afgestemd"
    )
    punt.refresh_from_db()
    assert not punt.gedaan and punt.door is None

    # garbage is answered with a message, never a 500; an unknown point is 404
    response = client.post(
        url, {"gedaan": "misschien", "notitie": "x" * 501}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    missing = reverse("uitval:checklist", args=[episode.pk, "bestaat-niet"])
    assert client.post(missing, {"gedaan": "1"}).status_code == 404

    response = client.post(
        reverse("uitval:hulplijnen", args=[episode.pk]),
        {"hulplijnen": ["huisarts", "zelfmoordpreventie"]},
        HTTP_HX_REQUEST="true",
    )
    assert "0800-0113" in response.content.decode()
    episode.refresh_from_db()
    assert episode.hulplijnen == ["huisarts", "zelfmoordpreventie"]
    client.post(reverse("uitval:hulplijnen", args=[episode.pk]), {"hulplijnen": ["onzin"]})
    episode.refresh_from_db()
    assert episode.hulplijnen == ["huisarts", "zelfmoordpreventie"]


# --- 3. contact kept -------------------------------------------------------------------


def contact_data(**changes) -> dict:
    data = {
        "met": "kandidaat",
        "datum": TODAY.isoformat(),
        "hoe": "telefoon",
        "notitie": "ZQX-notitie: slaapt slecht",
    }
    data.update(changes)
    return data


def test_contact_is_recorded_and_on_the_timeline_without_the_note(client, scene):
    episode = report(scene, begonnen_op=days(-9))
    html = page(client, scene.coach, detail_url(episode)).content.decode()
    assert "Nog geen contact met de kandidaat vastgelegd (9 dagen sinds de uitval)" in html
    assert "Neem vandaag contact op." in html

    url = reverse("uitval:contact", args=[episode.pk])
    response = client.post(url, contact_data(datum=days(1).isoformat()))
    assert "niet voor later" in response.content.decode()
    response = client.post(url, contact_data(datum=days(-10).isoformat()))
    html = response.content.decode()
    assert "Deze datum ligt vóór de uitval" in html and "ZQX-notitie: slaapt slecht" in html

    response = client.post(url, contact_data())
    assert response.status_code == 302
    contact = Contactmoment.objects.get()
    assert contact.door == scene.coach and contact.met == "kandidaat"
    event = scene.traject.gebeurtenissen.get(kind="contact")
    assert event.detail == {
        "episode": episode.pk,
        "met": "kandidaat",
        "hoe": "telefoon",
        "datum": TODAY.isoformat(),
    }

    timeline = client.get(reverse("trajects:timeline", args=[scene.traject.pk])).content.decode()
    assert "Contact gehad met de kandidaat (telefoon)" in timeline
    assert "ZQX-notitie" not in timeline
    html = client.get(detail_url(episode)).content.decode()
    assert "Laatste contact met de kandidaat: vandaag" in html and "ZQX-notitie" in html

    # the supervisor sees dropout on the timeline, not the contacts; and cannot record them
    client.force_login(scene.lg_user)
    timeline = client.get(reverse("trajects:timeline", args=[scene.traject.pk])).content.decode()
    assert "Uitval gemeld" in timeline and "Contact gehad met" not in timeline
    assert client.get(url).status_code == 403


def test_contact_reminder_once_per_gap_and_again_after_a_new_gap(scene):
    episode = report(scene, begonnen_op=days(-10), contact_elke_dagen=7)
    result = service.contact_reminders(TODAY)
    reminders = Melding.objects.filter(soort="contact")
    assert result["herinneringen"] == 2  # the candidate and the employer
    assert set(reminders.values_list("ontvanger", flat=True)) == {scene.coach.pk}
    assert reminders.filter(titel__contains="10 dagen geen contact met").count() == 2

    assert service.contact_reminders(TODAY)["herinneringen"] == 0
    assert service.contact_reminders(days(3))["herinneringen"] == 0  # same gap

    service.add_contact(episode, scene.coach, met="kandidaat", datum=days(-1), hoe="bezoek")
    service.add_contact(episode, scene.coach, met="werkgever", datum=days(-1), hoe="telefoon")
    assert service.contact_reminders(days(2))["herinneringen"] == 0  # 3 days: fine
    assert service.contact_reminders(days(6))["herinneringen"] == 2  # a new gap of 7
    assert service.contact_reminders(days(8))["herinneringen"] == 0
    assert reminders.count() == 4


# --- 4. the way back -------------------------------------------------------------------


def terug_data(**changes) -> dict:
    data = {
        "actie": "terug",
        "plan-stappen": "Koffie drinken op het werk\nTwee ochtenden werken",
        "plan-terug_op": days(-7).isoformat(),
        "plan-naar_fase": "c",
        "plan-start_uren": "8",
        "plan-stap_uren": "4",
        "plan-weken_per_stap": "2",
        "plan-wat_hielp": WAT_HIELP,
    }
    data.update(changes)
    return data


def test_return_date_before_the_dropout_is_refused_with_input_kept(client, scene):
    episode = report(scene, begonnen_op=days(-14))
    client.force_login(scene.coach)
    url = reverse("uitval:terug", args=[episode.pk])
    response = client.post(url, terug_data(**{"plan-terug_op": days(-20).isoformat()}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "De eerste werkdag ligt vóór de datum van uitval (" in html
    assert "Kies een latere datum." in html
    assert "Twee ochtenden werken" in html and WAT_HIELP in html
    response = client.post(url, terug_data(**{"plan-start_uren": "abc"}))
    assert "Voer een getal in." in response.content.decode()
    episode.refresh_from_db()
    assert episode.is_open


def test_return_to_c_restarts_the_build_up_and_ends_the_episode(client, scene):
    plaatsing = scene.plaatsing  # starts 21 days ago, 20 hours a week as the target
    add_steps(plaatsing, 6)  # weekly steps 8..18 hours; hours worked in the first three
    episode = report(scene, begonnen_op=days(-14))
    client.force_login(scene.coach)
    response = client.post(reverse("uitval:terug", args=[episode.pk]), terug_data())
    assert response.status_code == 302

    scene.traject.refresh_from_db()
    assert scene.traject.phase == "c"
    episode.refresh_from_db()
    assert episode.geeindigd_op == days(-7) and episode.einde == "plaatsing"
    assert episode.eind_transition.to_phase == "c" and episode.wat_hielp == WAT_HIELP
    assert episode.terugkeerplan.stappen == "Koffie drinken op het werk\nTwee ochtenden werken"
    end = scene.traject.gebeurtenissen.filter(kind="uitval").first()
    assert end.detail == {"episode": episode.pk, "event": "end", "einde": "plaatsing"}

    steps = list(plaatsing.opbouw.values_list("week_start", "planned_hours", "actual_hours"))
    assert steps == [
        (days(-21), Decimal(8), Decimal(6)),  # before the first day back: kept
        (days(-14), Decimal(10), Decimal(8)),
        (days(-7), Decimal(8), Decimal(10)),  # hours worked kept, the new plan starts here
        (days(7), Decimal(12), None),
        (days(21), Decimal(16), None),
        (days(35), Decimal(20), None),  # up to the placement's target
    ]
    assert plaatsing.opbouw.get(week_start=days(-7)).reason == "Opnieuw opbouwen na uitval"
    assert OpbouwStap.plan_errors(list(plaatsing.opbouw.all()), plaatsing.start_date, TODAY) == {}
    # an ended episode takes no more ticks
    response = client.post(
        reverse("uitval:checklist", args=[episode.pk, "jobcoach_weet_het"]), {"gedaan": "1"}
    )
    assert response.status_code == 403


def test_close_the_traject_from_dropout(client, scene):
    episode = report(scene)
    client.force_login(scene.coach)
    url = reverse("uitval:terug", args=[episode.pk])
    response = client.post(url, {"actie": "afsluiten", "sluit-outcome": "gestopt"})
    assert "Dit veld is verplicht." in response.content.decode()
    response = client.post(
        url,
        {
            "actie": "afsluiten",
            "sluit-outcome": "gestopt",
            "sluit-reason": "Wil eerst herstellen",
            "sluit-wat_hielp": WAT_HIELP,
        },
    )
    assert response.status_code == 302
    scene.traject.refresh_from_db()
    episode.refresh_from_db()
    assert scene.traject.is_closed and scene.traject.outcome == "gestopt"
    assert episode.einde == "afgesloten" and episode.geeindigd_op == TODAY
    assert episode.eind_transition.is_closing and episode.wat_hielp == WAT_HIELP


def test_closing_on_the_general_close_page_also_ends_the_episode(client, scene):
    episode = report(scene)
    client.force_login(scene.coach)
    client.post(
        reverse("trajects:close", args=[scene.traject.pk]),
        {"outcome": "overig", "reason": "Verhuist naar het buitenland"},
    )
    episode.refresh_from_db()
    assert episode.einde == "afgesloten" and not episode.is_open
    assert service.contact_reminders(days(30))["herinneringen"] == 0


# --- 5. history ------------------------------------------------------------------------


def test_history_is_read_by_the_candidate_and_what_helped_only_when_shared(client, scene):
    episode = report(scene, begonnen_op=days(-14))
    client.force_login(scene.coach)
    client.post(reverse("uitval:terug", args=[episode.pk]), terug_data())
    traject_url = reverse("trajects:detail", args=[scene.traject.pk])

    html = page(client, scene.kandidaat_user, traject_url).content.decode()
    assert "Eerdere uitval" in html and WAT_HIELP in html and "ZQX-reden" in html
    assert "Terug naar werk: Plaatsing" in html and detail_url(episode) in html

    html = page(client, scene.lg_user, traject_url).content.decode()
    assert "Eerdere uitval" in html and "Terug naar werk: Plaatsing" in html
    assert WAT_HIELP not in html and "ZQX-reden" not in html
    share(scene, "leidinggevende", "herstelplan")
    html = client.get(traject_url).content.decode()
    assert WAT_HIELP in html and "ZQX-reden" not in html


# --- access and query counts -----------------------------------------------------------


def test_outsiders_get_404_and_parties_403_where_not_allowed(client, scene):
    episode = report(scene)
    outsider = UserFactory(role="trajectbegeleider")
    client.force_login(outsider)
    for url in (
        detail_url(episode),
        melden_url(scene),
        reverse("uitval:terug", args=[episode.pk]),
        reverse("uitval:contact", args=[episode.pk]),
        reverse("uitval:detail", args=[999999]),
    ):
        assert client.get(url).status_code == 404, url
    checklist = reverse("uitval:checklist", args=[episode.pk, "jobcoach_weet_het"])
    assert client.post(checklist, {"gedaan": "1"}).status_code == 404

    client.force_login(scene.lg_user)
    assert client.get(reverse("uitval:terug", args=[episode.pk])).status_code == 403
    # the buddy's colleague party (collegas) sees dropout but does not report or tick
    colleague = UserFactory(role="werkgever", organisation=scene.werkgever.organisation)
    scene.traject.add_betrokkene(Party.COLLEGAS, by=scene.coach, user=colleague)
    punt = episode.checklist.get(key="jobcoach_weet_het")
    service.tick(punt, scene.coach, gedaan=True, notitie="ZQX-vinknotitie")
    client.force_login(colleague)
    response = client.get(detail_url(episode))
    assert response.status_code == 200
    assert "ZQX-vinknotitie" not in response.content.decode()  # notes: for who ticks
    assert client.post(checklist, {"gedaan": "1"}).status_code == 403


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def fill(episode, scene, n: int) -> None:
    for i in range(n):
        who = UserFactory(role="trajectbegeleider")
        service.add_contact(
            episode, who, met=["kandidaat", "werkgever"][i % 2], datum=days(-(i % 2)), hoe="bezoek"
        )
    for punt in list(episode.checklist.all())[:n]:
        service.tick(punt, UserFactory(role="leidinggevende"), gedaan=True, notitie="ok")


def test_query_counts_on_the_episode_page_do_not_grow(client, scene):
    episode = report(scene)
    client.force_login(scene.coach)
    fill(episode, scene, 2)
    few = count_queries(client, detail_url(episode))
    fill(episode, scene, 10)
    assert Contactmoment.objects.count() == 12
    assert count_queries(client, detail_url(episode)) == few


def test_query_counts_of_the_panels_do_not_grow_with_past_episodes(client, scene):
    traject_url = reverse("trajects:detail", args=[scene.traject.pk])
    plaatsing_url = reverse("placements:detail", args=[scene.plaatsing.pk])

    def episode_and_back():
        episode = report(scene, begonnen_op=TODAY)
        plan = service.Terugkeerplan(
            stappen="stap",
            terug_op=TODAY,
            naar_fase="c",
            start_uren=Decimal(8),
            stap_uren=Decimal(4),
            weken_per_stap=2,
        )
        service.return_to_work(episode, scene.coach, plan, wat_hielp="rust")

    episode_and_back()
    client.force_login(scene.lg_user)
    share(scene, "leidinggevende", "herstelplan")
    client.get(plaatsing_url)  # the first visit may set things up (other panels)
    few = (count_queries(client, traject_url), count_queries(client, plaatsing_url))
    episode_and_back()
    episode_and_back()
    assert UitvalEpisode.objects.count() == 3
    assert (count_queries(client, traject_url), count_queries(client, plaatsing_url)) == few
