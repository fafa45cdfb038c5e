"""Pages cost the same number of SQL queries with 5 or 50 trajects."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import TrajectFactory, UserFactory
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak, JournaalNotitie

pytestmark = pytest.mark.django_db


def build(coach, regie, n):
    """n trajects with notes, agreements (some overdue), phase moves and milestone changes."""
    past = timezone.localdate() - datetime.timedelta(days=40)
    trajects = []
    for i in range(n):
        traject = TrajectFactory(coach=coach)
        traject.add_betrokkene(Party.REGIEHOUDER, by=coach, user=regie)
        who = traject.betrokkenen.get(party=Party.KANDIDAAT)
        for day in range(3):
            JournaalNotitie.objects.create(
                traject=traject,
                kind="gesprek",
                text=f"notitie {day}",
                author=coach,
                date=past + datetime.timedelta(days=day * (i % 3)),
            )
        for overdue in (True, False):
            a = Afspraak.objects.create(
                traject=traject,
                what="iets",
                who=who,
                created_by=coach,
                due_date=past if overdue else timezone.localdate(),
            )
            a.record(coach, created=True)
        if i % 2:
            traject.move_to("b", coach)
        milestone = traject.milestones.first()
        milestone.status = "klaar"
        milestone.save()
        milestone.record_change(coach, "open")
        trajects.append(traject)
    return trajects


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.fixture
def regie():
    return UserFactory(role="regiehouder")


def pages(coach, regie, trajects):
    first = trajects[0]
    return {
        "caseload": (coach, reverse("trajects:caseload")),
        "traject": (coach, reverse("trajects:detail", args=[first.pk])),
        "milestones": (coach, reverse("trajects:milestones", args=[first.pk])),
        "timeline": (coach, reverse("trajects:timeline", args=[first.pk])),
        "regie": (regie, reverse("trajects:regie")),
        "mine": (regie, reverse("trajects:mine")),
    }


def test_query_counts_do_not_grow_with_data(client, coach, regie):
    small = build(coach, regie, 5)
    counts_small = {}
    for name, (user, url) in pages(coach, regie, small).items():
        client.force_login(user)
        counts_small[name] = count_queries(client, url)
    large = small + build(coach, regie, 45)
    # make the first traject's own history as long as a busy one's
    for _ in range(30):
        JournaalNotitie.objects.create(traject=large[0], kind="telefoon", text="x", author=coach)
    counts_large = {}
    for name, (user, url) in pages(coach, regie, large).items():
        client.force_login(user)
        counts_large[name] = count_queries(client, url)
    assert counts_small == counts_large


def test_regie_overview_lists_what_needs_attention(client, coach, regie):
    build(coach, regie, 3)
    client.force_login(regie)
    html = client.get(reverse("trajects:regie")).content.decode()
    assert html.count('class="overdue"') == 3
    assert "Geen contact in 30 dagen of langer" in html
