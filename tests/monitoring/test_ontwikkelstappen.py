"""Development steps (notes 13, 29, 42, 43): the candidate sets them with the
supervisor and the coach, in small steps with clear expectations; the placement page shows
them with the build-up of hours that goes on."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.monitoring.test_trend import build, second_scene
from tests.scenes import days, placed_scene
from werkpad.monitoring.development import service as ontwikkeling
from werkpad.monitoring.models import Ontwikkelstap
from werkpad.placements.models import OpbouwStap

pytestmark = pytest.mark.django_db

BIJGESTELD_MESSAGE = "Schrijf kort op wat er is bijgesteld en waarom."


def new_url(plaatsing) -> str:
    return reverse("monitoring:ontwikkelstap_new", args=[plaatsing.pk])


def edit_url(stap) -> str:
    return reverse("monitoring:ontwikkelstap_edit", args=[stap.pk])


def status_url(stap) -> str:
    return reverse("monitoring:ontwikkelstap_status", args=[stap.pk])


def detail_url(plaatsing) -> str:
    return reverse("placements:detail", args=[plaatsing.pk])


def data(**changes) -> dict:
    values = {
        "doel": "Zelf de kassa opmaken",
        "kleine_stappen": "Meekijken bij het opmaken\nHet samen doen\nHet alleen doen",
        "verwachting": "Na vier weken lukt het met hulp; alleen hoeft nog niet.",
        "streefdatum": days(30).isoformat(),
        "status": "gepland",
        "toelichting": "",
    }
    values.update(changes)
    return values


def stap(plaatsing, **fields) -> Ontwikkelstap:
    values = {
        "doel": "Telefoon opnemen",
        "kleine_stappen": "Luisteren hoe een collega het doet\nZelf opnemen met hulp",
        "status": "gepland",
    }
    values.update(fields)
    return Ontwikkelstap.objects.create(plaatsing=plaatsing, **values)


# --- adding and changing ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["kandidaat_user", "lg_user", "coach"])
def test_candidate_supervisor_and_coach_add_a_step(client, scene, who):
    user = getattr(scene, who)
    client.force_login(user)
    page = client.get(new_url(scene.plaatsing))
    assert page.status_code == 200
    assert "kleine stappen" in page.content.decode()  # the guidance
    assert reverse("route:handreiking", args=[43]) in page.content.decode()

    response = client.post(new_url(scene.plaatsing), data())
    assert response.status_code == 302
    saved = Ontwikkelstap.objects.get(plaatsing=scene.plaatsing)
    assert saved.doel == "Zelf de kassa opmaken" and saved.created_by == user
    assert response.url == detail_url(scene.plaatsing) + f"#ontwikkelstap-{saved.pk}"

    html = client.get(detail_url(scene.plaatsing)).content.decode()
    panel = html.split('id="ontwikkeling"')[1].split("</section>")[0]
    assert "Zelf de kassa opmaken" in panel
    assert "Volgende kleine stap:</span> Meekijken bij het opmaken" in panel
    # the small steps as a list
    assert "<li>Het samen doen</li>" in " ".join(panel.split())


@pytest.mark.parametrize("who", ["kandidaat_user", "lg_user", "coach"])
def test_candidate_supervisor_and_coach_edit_a_step(client, scene, who):
    existing = stap(scene.plaatsing)
    client.force_login(getattr(scene, who))
    assert client.get(edit_url(existing)).status_code == 200
    changes = data(status="bijgesteld", toelichting="Eerst alleen de ochtenddienst")
    response = client.post(edit_url(existing), changes)
    assert response.status_code == 302
    existing.refresh_from_db()
    assert (
        existing.status == "bijgesteld" and existing.toelichting == "Eerst alleen de ochtenddienst"
    )
    assert existing.updated_by == getattr(scene, who)


def test_hr_user_sees_the_steps_but_does_not_change_them(client, scene):
    existing = stap(scene.plaatsing, doel="Zelf de bestellingen doen")
    client.force_login(scene.hr_user)
    html = client.get(detail_url(scene.plaatsing)).content.decode()
    assert "Zelf de bestellingen doen" in html
    assert new_url(scene.plaatsing) not in html
    assert status_url(existing) not in html and edit_url(existing) not in html
    assert client.get(new_url(scene.plaatsing)).status_code == 403
    assert client.post(new_url(scene.plaatsing), data()).status_code == 403
    assert client.get(edit_url(existing)).status_code == 403
    assert client.post(edit_url(existing), data(doel="Anders")).status_code == 403
    assert client.post(status_url(existing), {"status": "gehaald"}).status_code == 403
    existing.refresh_from_db()
    assert existing.doel == "Zelf de bestellingen doen" and existing.status == "gepland"
    assert not Ontwikkelstap.objects.exclude(pk=existing.pk).exists()


def test_outsiders_and_garbage_ids_are_not_found(client, scene):
    existing = stap(scene.plaatsing)
    client.force_login(UserFactory(role="trajectbegeleider"))
    assert client.get(new_url(scene.plaatsing)).status_code == 404
    assert client.get(edit_url(existing)).status_code == 404
    assert client.post(status_url(existing), {"status": "gehaald"}).status_code == 404
    client.force_login(scene.coach)
    assert client.get("/monitoring/ontwikkelstap/999999/").status_code == 404
    assert client.get("/monitoring/ontwikkelstap/abc/").status_code == 404
    assert (
        client.post("/monitoring/ontwikkelstap/999999/status/", {"status": "bezig"}).status_code
        == 404
    )
    assert client.get("/monitoring/plaatsing/999999/ontwikkelstap/nieuw/").status_code == 404
    assert client.get(status_url(existing)).status_code == 405


# --- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"doel": "   "}, "doel", "Schrijf op wat je wilt leren of bereiken."),
        ({"streefdatum": days(-60).isoformat()}, "streefdatum", "vóór de start van de plaatsing"),
        ({"streefdatum": "abc"}, "streefdatum", "Vul een datum in"),
        ({"status": "bijgesteld"}, "toelichting", BIJGESTELD_MESSAGE),
        ({"status": "kapot"}, "status", "Kies een status uit de lijst."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(
    client, scene, changes, field, message
):
    client.force_login(scene.kandidaat_user)
    posted = data(verwachting="Mijn eigen tekst <b>blijft</b>", **changes)
    response = client.post(new_url(scene.plaatsing), posted)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert message.replace("ó", "&oacute;") in html or message in html
    assert "Mijn eigen tekst &lt;b&gt;blijft&lt;/b&gt;" in html
    assert "Meekijken bij het opmaken" in html
    assert not Ontwikkelstap.objects.exists()


def test_a_target_date_on_the_start_day_is_fine(client, scene):
    client.force_login(scene.coach)
    start = scene.plaatsing.start_date.isoformat()
    assert client.post(new_url(scene.plaatsing), data(streefdatum=start)).status_code == 302


def test_adjusting_from_the_panel_asks_for_the_reason(client, scene):
    existing = stap(scene.plaatsing)
    client.force_login(scene.lg_user)
    response = client.get(edit_url(existing) + "?bijstellen=1")
    assert response.context["form"]["status"].value() == "bijgesteld"
    response = client.post(edit_url(existing), data(status="bijgesteld", toelichting=" "))
    assert BIJGESTELD_MESSAGE in response.content.decode()
    existing.refresh_from_db()
    assert existing.status == "gepland"


# --- quick changes on the placement page -------------------------------------------------


def test_quick_status_change_with_htmx_swaps_the_step(client, scene):
    existing = stap(scene.plaatsing)
    client.force_login(scene.kandidaat_user)
    response = client.post(status_url(existing), {"status": "gehaald"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<li id="ontwikkelstap-{existing.pk}"')
    assert "Gehaald" in html and "Toch nog mee bezig" in html
    existing.refresh_from_db()
    assert existing.status == "gehaald" and existing.updated_by == scene.kandidaat_user


def test_quick_status_change_works_without_javascript(client, scene):
    existing = stap(scene.plaatsing)
    client.force_login(scene.lg_user)
    response = client.post(status_url(existing), {"status": "bezig"})
    assert response.status_code == 302
    assert response.url == detail_url(scene.plaatsing) + f"#ontwikkelstap-{existing.pk}"
    existing.refresh_from_db()
    assert existing.status == "bezig"


def test_quick_change_to_adjusted_goes_through_the_edit_page(client, scene):
    existing = stap(scene.plaatsing)
    client.force_login(scene.coach)
    response = client.post(status_url(existing), {"status": "bijgesteld"}, HTTP_HX_REQUEST="true")
    assert "Bijstellen gaat via" in response.content.decode()
    response = client.post(status_url(existing), {"status": "bijgesteld"}, follow=True)
    assert "Bijstellen gaat via" in response.content.decode()
    existing.refresh_from_db()
    assert existing.status == "gepland"


def test_ticking_off_small_steps_one_by_one(client, scene):
    existing = stap(scene.plaatsing)
    client.force_login(scene.kandidaat_user)
    html = client.post(
        status_url(existing), {"kleine_stap": "gedaan"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Volgende kleine stap:</span> Zelf opnemen met hulp" in html
    existing.refresh_from_db()
    assert existing.kleine_stappen.splitlines()[0] == "✓ Luisteren hoe een collega het doet"
    assert existing.status == "bezig"  # a step that has begun is under way
    html = client.post(
        status_url(existing), {"kleine_stap": "gedaan"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Alle kleine stappen zijn gedaan. Is het doel gehaald?" in html
    html = client.post(
        status_url(existing), {"kleine_stap": "gedaan"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Er staat geen kleine stap meer open" in html


def test_small_steps_marked_by_hand():
    steps = ontwikkeling.kleine_stappen("✓ Eerste\n\n x tweede \n[x] derde\nVierde\nxylofoon")
    assert [(s.tekst, s.gedaan) for s in steps] == [
        ("Eerste", True),
        ("tweede", True),
        ("derde", True),
        ("Vierde", False),
        ("xylofoon", False),
    ]
    assert ontwikkeling.volgende_kleine_stap("✓ Eerste\nVierde") == "Vierde"


# --- the panel on the placement page ------------------------------------------------------


def test_panel_shows_the_build_up_that_goes_on_and_links_by_role(client, scene):
    plaatsing = scene.plaatsing
    OpbouwStap.objects.create(plaatsing=plaatsing, week_start=days(-10), planned_hours=12)
    OpbouwStap.objects.create(plaatsing=plaatsing, week_start=days(11), planned_hours=16)
    stap(plaatsing, status="gehaald", doel="Koffie zetten voor het team")
    stap(plaatsing, doel="Zelf de vitrine vullen", streefdatum=days(-2))

    client.force_login(scene.coach)
    html = client.get(detail_url(plaatsing)).content.decode()
    panel = html.split('id="ontwikkeling"')[1].split("</section>")[0]
    assert "Deze week: 12 uur gepland" in panel
    assert "Volgende stap: 16 uur per week vanaf de week van" in panel
    assert reverse("placements:opbouw_edit", args=[plaatsing.pk]) in panel
    assert reverse("monitoring:trend", args=[plaatsing.pk]) in panel
    assert new_url(plaatsing) in panel
    assert "1 doel gehaald" in panel and "Koffie zetten voor het team" in panel
    assert "datum voorbij" in panel  # a target date that passed

    client.force_login(scene.kandidaat_user)
    panel = client.get(detail_url(plaatsing)).content.decode().split('id="ontwikkeling"')[1]
    panel = panel.split("</section>")[0]
    assert reverse("monitoring:trend", args=[plaatsing.pk]) in panel
    assert new_url(plaatsing) in panel
    assert reverse("placements:opbouw_edit", args=[plaatsing.pk]) not in panel


def test_panel_when_nothing_is_planned_yet(client, scene):
    client.force_login(scene.lg_user)
    html = client.get(detail_url(scene.plaatsing)).content.decode()
    assert "Nog geen ontwikkelstappen" in html
    assert "Nog geen opbouw van uren gepland." in html
    assert new_url(scene.plaatsing) in html


def test_build_up_reaching_the_goal():
    steps = [
        OpbouwStap(week_start=days(-30), planned_hours=12),
        OpbouwStap(week_start=days(-3), planned_hours=20),
    ]
    state = ontwikkeling.opbouw(steps, 20, days(0))
    assert state.huidige is steps[1] and state.volgende is None and state.doel_bereikt
    state = ontwikkeling.opbouw(steps, 20, days(-40))
    assert state.huidige is None and state.volgende is steps[0]


def count_queries(client, user, address) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_placement_page_costs_the_same_with_2_or_12_steps_and_checkins(client, coach):
    small, large = placed_scene(coach), second_scene(coach)
    for s, n in ((small, 2), (large, 12)):
        build(s, n)
        for i in range(n):
            stap(
                s.plaatsing,
                status=["gepland", "bezig", "gehaald"][i % 3],
                streefdatum=s.plaatsing.start_date + datetime.timedelta(days=i),
            )
    for who in ("coach", "kandidaat_user", "lg_user", "hr_user"):
        counts = [
            count_queries(client, getattr(s, who), detail_url(s.plaatsing)) for s in (small, large)
        ]
        assert counts[0] == counts[1], (who, counts)


def test_changes_are_logged_in_the_audit_trail(client, scene):
    from werkpad.audit.models import AuditEntry

    client.force_login(scene.kandidaat_user)
    client.post(new_url(scene.plaatsing), data())
    saved = Ontwikkelstap.objects.get()
    assert AuditEntry.objects.filter(
        object_type="monitoring.Ontwikkelstap",
        object_id=str(saved.pk),
        action="create",
        user=scene.kandidaat_user,
    ).exists()
