"""Catalogue data of the instruments (YAML in `instruments/data/`)."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps as global_apps

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def read(name: str) -> dict[str, Any]:
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_regelingen(using: str = "default") -> int:
    """Add schemes that are not in the database yet. Existing ones are left as an
    administrator may have edited them."""
    Regeling = global_apps.get_model("instruments", "Regeling")
    data = read("regelingen")
    existing = set(Regeling.objects.using(using).values_list("key", flat=True))
    new = []
    for soort, items in (
        ("uitkering", data["uitkeringen"]),
        ("werkgever", data["werkgeversregelingen"]),
    ):
        for order, item in enumerate(items):
            if item["key"] not in existing:
                new.append(
                    Regeling(
                        key=item["key"],
                        soort=soort,
                        name=item["name"],
                        explanation=item.get("explanation", "").strip(),
                        who=item.get("who", ""),
                        small_employer_note=(item.get("small_employer_note") or "").strip(),
                        order=order,
                    )
                )
    Regeling.objects.using(using).bulk_create(new)
    return len(new)
