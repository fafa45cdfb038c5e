"""Every read of a traject page and every change to traject data is logged."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from werkpad.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_reading_a_traject_is_logged(client, coach, traject):
    client.force_login(coach)
    client.get(reverse("trajects:detail", args=[traject.pk]))
    entry = AuditEntry.objects.filter(action="read").latest("at")
    assert entry.user == coach
    assert entry.object_type == "trajects.Traject"
    assert entry.traject_id == traject.pk
    assert entry.detail == "trajectpagina"


def test_a_change_is_logged_with_fields_not_values(client, coach, traject):
    client.force_login(coach)
    milestone = traject.milestones.first()
    client.post(
        reverse("trajects:milestone_edit", args=[traject.pk, milestone.pk]),
        {"status": "bezig", "note": "Gaat over slaapproblemen", "nvt_reason": ""},
    )
    entry = AuditEntry.objects.filter(
        action="update", object_type="trajects.TrajectMilestone"
    ).get()
    assert entry.user == coach and entry.traject_id == traject.pk
    assert set(entry.changed_fields) >= {"status", "note"}
    assert "slaap" not in str(entry.changed_fields)


def test_refused_read_is_not_logged_as_read(client, traject):
    stranger = UserFactory(role="trajectbegeleider")
    client.force_login(stranger)
    client.get(reverse("trajects:detail", args=[traject.pk]))
    assert not AuditEntry.objects.filter(user=stranger, action="read").exists()


def test_admin_can_view_the_log_but_not_change_it(client, coach, traject):
    admin = UserFactory(role="beheerder", is_staff=True, is_superuser=True)
    client.force_login(coach)
    client.get(reverse("trajects:detail", args=[traject.pk]))
    client.force_login(admin)
    response = client.get(reverse("admin:audit_auditentry_changelist"))
    assert response.status_code == 200
    assert coach.email in response.content.decode()
    entry = AuditEntry.objects.first()
    response = client.post(
        reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
