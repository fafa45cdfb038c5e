"""The dropout checklist and the helplines, as data (`data/checklist.yaml`,
`data/hulplijnen.yaml`). Read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def read(name: str) -> dict[str, Any]:
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class Punt:
    """One point of the dropout checklist."""

    key: str
    titel: str
    wie: str
    waarom: str
    handreikingen: tuple[int, ...] = ()
    bronnen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hulplijn:
    key: str
    naam: str
    uitleg: str
    telefoon: str = ""
    url: str = ""
    handreikingen: tuple[int, ...] = ()


@cache
def punten() -> dict[str, Punt]:
    """The checklist points by key, in the order of the file."""
    return {
        item["key"]: Punt(
            key=item["key"],
            titel=item["titel"],
            wie=item["wie"],
            waarom=" ".join(item["waarom"].split()),
            handreikingen=tuple(item.get("handreikingen") or ()),
            bronnen=tuple(item.get("bronnen") or ()),
        )
        for item in read("checklist")["punten"]
    }


@cache
def hulplijnen() -> dict[str, Hulplijn]:
    """The helplines by key, in the order of the file."""
    return {
        item["key"]: Hulplijn(
            key=item["key"],
            naam=item["naam"],
            uitleg=item["uitleg"],
            telefoon=item.get("telefoon", ""),
            url=item.get("url", ""),
            handreikingen=tuple(item.get("handreikingen") or ()),
        )
        for item in read("hulplijnen")["hulplijnen"]
    }


def spoed() -> str:
    return read("hulplijnen").get("spoed", "")
