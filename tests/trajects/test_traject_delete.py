"""A traject can be removed as a whole (e.g. by an administrator on request of the candidate)."""

import datetime

import pytest
from django.db.models import RestrictedError

from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak, Traject

pytestmark = pytest.mark.django_db


def test_deleting_a_traject_takes_its_agreements_along(traject):
    who = traject.betrokkenen.get(party=Party.KANDIDAAT)
    Afspraak.objects.create(traject=traject, what="x", who=who, due_date=datetime.date(2030, 1, 1))
    traject.delete()
    assert not Traject.objects.exists() and not Afspraak.objects.exists()


def test_a_betrokkene_with_agreements_cannot_be_removed_alone(traject):
    who = traject.betrokkenen.get(party=Party.KANDIDAAT)
    Afspraak.objects.create(traject=traject, what="x", who=who, due_date=datetime.date(2030, 1, 1))
    with pytest.raises(RestrictedError):
        who.delete()
