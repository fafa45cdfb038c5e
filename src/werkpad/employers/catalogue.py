from functools import cache
from pathlib import Path

import yaml
from django.apps import apps as global_apps

PATH = Path(__file__).resolve().parent / "data" / "aanpassingen.yaml"


@cache
def read() -> dict:
    with open(PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_aanpassingen(using: str = "default") -> int:
    """Add adjustments missing from the database; leave edited ones alone."""
    Aanpassing = global_apps.get_model("employers", "Aanpassing")
    existing = set(Aanpassing.objects.using(using).values_list("key", flat=True))
    new = [
        Aanpassing(key=item["key"], name=item["name"], explanation=item.get("explanation", ""))
        for item in read()["aanpassingen"]
        if item["key"] not in existing
    ]
    Aanpassing.objects.using(using).bulk_create(new)
    return len(new)
