"""Writing the audit trail. Changes are logged automatically for every tracked model
(`track(Model)`); reads are logged by the views with `log_read`. Field values are never
copied into the log: it says who touched what, not the health data itself."""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_save

current_user: contextvars.ContextVar = contextvars.ContextVar("werkpad_audit_user", default=None)


def _owner(obj: Model) -> Model | None:
    """For records that hang off a placement or a dropout episode (check-ins, meetings,
    checklist points), the placement or episode: it knows the traject."""
    for name in ("plaatsing", "episode"):
        if getattr(obj, f"{name}_id", None) is not None:
            try:
                return getattr(obj, name)
            except Exception:  # deleted together with its owner
                return None
    return None


def _traject_id(obj: Model) -> int | None:
    if obj._meta.label == "trajects.Traject":
        return obj.pk
    if hasattr(obj, "traject_id"):
        return obj.traject_id
    owner = _owner(obj)
    return getattr(owner, "traject_id", None) if owner is not None else None


def _kandidaat_id(obj: Model) -> int | None:
    if obj._meta.label == "trajects.Kandidaat":
        return obj.pk
    if hasattr(obj, "kandidaat_id"):
        return obj.kandidaat_id
    traject = getattr(obj, "traject", None) if hasattr(obj, "traject_id") else None
    if obj._meta.label == "trajects.Traject":
        traject = obj
    if traject is None and (owner := _owner(obj)) is not None:
        traject = getattr(owner, "traject", None)
    return getattr(traject, "kandidaat_id", None)


def _entry(user, action: str, obj: Model, detail: str = "", changed: list[str] | None = None):
    from .models import AuditEntry

    return AuditEntry(
        user=user if user is not None and user.is_authenticated else None,
        user_label=getattr(user, "email", "") or "systeem",
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        traject_id=_traject_id(obj),
        kandidaat_id=_kandidaat_id(obj),
        detail=detail,
        changed_fields=changed or [],
    )


def write(
    user, action: str, obj: Model, detail: str = "", changed: list[str] | None = None
) -> None:
    """One line in the trail: who did `action` on `obj` (field names only, never values)."""
    _entry(user, action, obj, detail=detail, changed=changed).save()


def log_read(user, obj: Model, detail: str = "") -> None:
    """Record that `user` looked at `obj` (a dossier or part of it)."""
    write(user, "read", obj, detail=detail)


def log_reads(user, objects: Iterable[Model], detail: str = "") -> None:
    """Record that `user` looked at each of `objects` (a list page showing dossier data):
    one line per object, written in one query. Objects should come with what `_traject_id`
    and `_kandidaat_id` follow (e.g. `select_related("traject")`) to stay at one query."""
    from .models import AuditEntry

    entries = [_entry(user, "read", obj, detail=detail) for obj in objects]
    if entries:
        AuditEntry.objects.bulk_create(entries)


def _snapshot(sender, instance, **kwargs) -> None:
    if instance.pk is None:
        instance._audit_before = None
        return
    before = sender._default_manager.filter(pk=instance.pk).values().first()
    instance._audit_before = before


def _saved(sender, instance, created: bool, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    changed: list[str] = []
    before: dict[str, Any] | None = getattr(instance, "_audit_before", None)
    if not created and before is not None:
        for field in sender._meta.concrete_fields:
            if before.get(field.attname) != getattr(instance, field.attname):
                changed.append(field.name)
        if not changed:
            return
    write(current_user.get(), "create" if created else "update", instance, changed=changed)


def _deleted(sender, instance, **kwargs) -> None:
    write(current_user.get(), "delete", instance)


def track(model: type[Model]) -> None:
    uid = f"audit-{model._meta.label}"
    pre_save.connect(_snapshot, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(_saved, sender=model, dispatch_uid=uid + "-post")
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "-del")
