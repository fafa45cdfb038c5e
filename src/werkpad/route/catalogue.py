"""Reading the route catalogue from YAML and bringing the database in line with it."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps as global_apps
from django.db import transaction

CATALOGUE_PATH = Path(__file__).resolve().parent / "data" / "route.yaml"


@cache
def read_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def catalogue_version() -> int:
    return int(read_catalogue().get("version", 1))


def load_catalogue(using: str = "default", path: Path = CATALOGUE_PATH) -> dict[str, int]:
    """Upsert sources, notes and milestones by their keys. Milestones that left the catalogue
    are kept (trajects may refer to them) but marked inactive. Returns counts."""
    Source = global_apps.get_model("route", "Source")
    Handreiking = global_apps.get_model("route", "Handreiking")
    RouteMilestone = global_apps.get_model("route", "RouteMilestone")
    data = read_catalogue(path)

    with transaction.atomic(using=using):
        sources = {}
        for item in data["sources"]:
            src, _ = Source.objects.using(using).update_or_create(
                key=item["key"],
                defaults={
                    "title": item["title"],
                    "publisher": item.get("publisher", ""),
                    "url": item.get("url", "") or "",
                },
            )
            sources[src.key] = src

        notes = {}
        for item in data["notes"]:
            note, _ = Handreiking.objects.using(using).update_or_create(
                number=item["number"],
                defaults={"title": item["title"], "text": item["text"].strip()},
            )
            note.sources.set([sources[k] for k in item.get("sources", [])])
            notes[note.number] = note

        seen = set()
        for item in data["milestones"]:
            milestone, _ = RouteMilestone.objects.using(using).update_or_create(
                key=item["key"],
                defaults={
                    "party": item["party"],
                    "phase": item["phase"],
                    "order": item.get("order", 1),
                    "position": RouteMilestone.position_for(
                        item["party"], item["phase"], item.get("order", 1)
                    ),
                    "title": item["title"],
                    "guidance": (item.get("guidance") or "").strip(),
                    "active": True,
                },
            )
            milestone.handreikingen.set([notes[n] for n in item.get("notes", [])])
            seen.add(milestone.key)
        RouteMilestone.objects.using(using).exclude(key__in=seen).update(active=False)

    return {"sources": len(sources), "notes": len(notes), "milestones": len(seen)}
