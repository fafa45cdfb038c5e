"""The trend view of a placement: the check-in answers and the hours over time, as
charts with the same numbers in tables, for whom the candidate lets see them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.scenes import add_steps, days, make_scene, place, placed_scene
from werkpad.audit.models import AuditEntry
from werkpad.instruments.models import DeelVersie
from werkpad.monitoring.models import CheckInMoment, KandidaatCheckIn, LeidinggevendeCheckIn

pytestmark = pytest.mark.django_db

REMARK = "ZQX-opmerking-alleen-voor-de-coach"


def url(plaatsing) -> str:
    return reverse("monitoring:trend", args=[plaatsing.pk])


def page(client, user, address):
    client.force_login(user)
    return client.get(address)


def checkin(plaatsing, day: int, energie, spanning, plezier, belasting, **extra):
    return KandidaatCheckIn.objects.create(
        plaatsing=plaatsing,
        datum=days(day),
        energie=energie,
        spanning=spanning,
        plezier=plezier,
        belasting=belasting,
        **extra,
    )


def moment(plaatsing, day: int, voor: str = "kandidaat") -> CheckInMoment:
    return CheckInMoment.objects.create(
        plaatsing=plaatsing, voor=voor, datum=days(day), open_tot=CheckInMoment.closes_at(days(day))
    )


def share_checkins(scene, *parties: str) -> None:
    DeelVersie.objects.create(
        kandidaat=scene.kandidaat, number=1, shared={p: ["checkins"] for p in parties}
    )


def part(html: str, marker: str, end: str) -> str:
    return html.split(marker)[1].split(end)[0]


def cells(row: str) -> list[str]:
    """The text of each data cell of a table row."""
    found = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in found]


def test_chart_and_tables_show_the_checkin_answers_and_the_hours(client, scene):
    plaatsing = scene.plaatsing
    checkin(plaatsing, -14, 4, 2, 5, 3, opmerking=REMARK)
    checkin(plaatsing, -7, 3, 4, 4, 2)
    LeidinggevendeCheckIn.objects.create(
        plaatsing=plaatsing, datum=days(-7), gaat_goed=1, signalen_gezien=True
    )
    add_steps(plaatsing, 3)  # 8, 10, 12 planned; 6, 8, 10 worked

    response = page(client, scene.coach, url(plaatsing))
    assert response.status_code == 200
    html = response.content.decode()

    chart = part(html, 'id="checkin-grafiek"', "</figure>")
    assert 'role="img"' in chart and "aria-label=" in chart and "<svg" in chart
    assert "<script" not in chart
    assert "Spanning (5 = veel: hoog is zorgelijk)" in chart
    assert "Leidinggevende: hoe gaat het werk" in chart

    table = part(html, 'id="checkin-tabel"', "</table>")
    assert "Bij spanning is hoog zorgelijk" in table  # the caption says which way is bad
    rows = table.split("<tr")[2:]
    assert len(rows) == 2
    assert [cells(row) for row in rows] == [
        ["4", "2", "5", "3", "–"],
        ["3", "4", "4", "2", "1 · signalen gezien"],
    ]
    assert REMARK not in html  # remarks stay on the check-in itself, not in the trend

    uren = part(html, 'id="uren-tabel"', "</table>")
    hours = [cells(row)[:2] for row in uren.split("<tr")[2:]]
    assert hours == [["8", "6"], ["10", "8"], ["12", "10"]]
    assert "<svg" in part(html, 'id="uren-grafiek"', "</figure>")


def test_missed_planned_checkins_are_marked_in_the_table(client, scene):
    plaatsing = scene.plaatsing
    moment(plaatsing, -16)  # covered by the check-in a day later
    checkin(plaatsing, -15, 4, 2, 4, 4)
    moment(plaatsing, -9)  # nothing within two days: missed
    moment(plaatsing, -1)  # yesterday: may still be filled in
    moment(plaatsing, -9, voor="leidinggevende")  # the supervisor's: not the candidate's
    html = page(client, scene.coach, url(plaatsing)).content.decode()
    table = part(html, 'id="checkin-tabel"', "</table>")
    assert table.count("Check-in gemist") == 1
    missed_row = [r for r in table.split("<tr")[2:] if "Check-in gemist" in r][0]
    assert days(-9).strftime("%Y") in missed_row
    assert "nog niet ingevuld" in table
    assert "1 gemist" in part(html, 'id="checkins-samenvatting"', "</p>")


def test_employer_sees_the_trend_only_when_the_candidate_shares_checkins(client, scene):
    plaatsing = scene.plaatsing
    checkin(plaatsing, -7, 3, 3, 3, 3)
    # they see the placement, but the check-ins are not shared: 403
    assert (
        page(client, scene.hr_user, reverse("placements:detail", args=[plaatsing.pk])).status_code
        == 200
    )
    assert page(client, scene.hr_user, url(plaatsing)).status_code == 403
    assert page(client, scene.lg_user, url(plaatsing)).status_code == 403
    detail = client.get(reverse("placements:detail", args=[plaatsing.pk])).content.decode()
    assert url(plaatsing) not in detail

    share_checkins(scene, "leidinggevende")
    response = page(client, scene.lg_user, url(plaatsing))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(
        user=scene.lg_user, action="read", object_id=str(plaatsing.pk), detail="trend"
    ).exists()
    detail = client.get(reverse("placements:detail", args=[plaatsing.pk])).content.decode()
    assert url(plaatsing) in detail
    assert page(client, scene.hr_user, url(plaatsing)).status_code == 403


def test_outsiders_and_unknown_placements_are_not_found(client, scene):
    stranger = UserFactory(role="trajectbegeleider")
    assert page(client, stranger, url(scene.plaatsing)).status_code == 404
    colleague = UserFactory(role="werkgever", organisation=scene.werkgever.organisation)
    assert page(client, colleague, url(scene.plaatsing)).status_code == 404
    client.force_login(scene.coach)
    assert client.get("/monitoring/plaatsing/999999/trend/").status_code == 404
    assert client.get("/monitoring/plaatsing/abc/trend/").status_code == 404


def test_candidate_sees_their_own_trend_without_a_read_log(client, scene):
    checkin(scene.plaatsing, -7, 2, 5, 2, 1)
    response = page(client, scene.kandidaat_user, url(scene.plaatsing))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mijn verloop" in html
    assert "<svg" in part(html, 'id="checkin-grafiek"', "</figure>")
    assert not AuditEntry.objects.filter(user=scene.kandidaat_user, action="read").exists()
    # the coach's look is logged, for the candidate to see
    page(client, scene.coach, url(scene.plaatsing))
    assert AuditEntry.objects.filter(user=scene.coach, action="read", detail="trend").exists()


def test_empty_states_in_dutch(client, scene):
    html = page(client, scene.kandidaat_user, url(scene.plaatsing)).content.decode()
    assert "Je hebt nog geen check-ins ingevuld" in html
    assert "Er is nog geen opbouw van uren gepland." in html
    assert "<svg" not in html
    html = page(client, scene.coach, url(scene.plaatsing)).content.decode()
    assert "Er zijn nog geen check-ins ingevuld" in html


def test_supervisor_only_dates_get_their_own_row(client, scene):
    plaatsing = scene.plaatsing
    checkin(plaatsing, -10, 4, 2, 4, 4)
    LeidinggevendeCheckIn.objects.create(plaatsing=plaatsing, datum=days(-3), gaat_goed=5)
    html = page(client, scene.coach, url(plaatsing)).content.decode()
    rows = part(html, 'id="checkin-tabel"', "</table>").split("<tr")[2:]
    assert len(rows) == 2
    assert cells(rows[1]) == ["geen check-in van de kandidaat", "5"]


def build(scene, n: int) -> None:
    plaatsing = scene.plaatsing
    for i in range(n):
        checkin(plaatsing, -20 + i, 1 + i % 5, 5 - i % 5, 3, 4)
        LeidinggevendeCheckIn.objects.create(plaatsing=plaatsing, datum=days(-20 + i), gaat_goed=4)
        moment(plaatsing, -40 + i)
    add_steps(plaatsing, n)


def second_scene(coach):
    """Like `placed_scene`, at another employer (organisation names are unique)."""
    scene = make_scene(coach, employer_name="Drukkerij Inkt")
    scene.kandidaat_user = UserFactory(role="kandidaat", email=scene.kandidaat.email)
    scene.kandidaat.user = scene.kandidaat_user
    scene.kandidaat.save()
    scene.traject.betrokkenen.filter(party="kandidaat").update(user=scene.kandidaat_user)
    scene.traject.__dict__.pop("_relations", None)
    scene.plaatsing = place(scene)
    return scene


def count_queries(client, user, address) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_trend_page_costs_the_same_with_2_or_12_checkins(client, coach):
    small, large = placed_scene(coach), second_scene(coach)
    build(small, 2)
    build(large, 12)
    share_checkins(small, "leidinggevende")
    share_checkins(large, "leidinggevende")
    for who in ("coach", "kandidaat_user", "lg_user"):
        counts = [count_queries(client, getattr(s, who), url(s.plaatsing)) for s in (small, large)]
        assert counts[0] == counts[1], (who, counts)
