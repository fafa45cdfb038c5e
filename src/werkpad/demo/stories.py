"""Read and check the demo stories in `data/*.yaml`.

`read_stories()` parses every file, checks its shape (known keys, value types, choices from
the models and catalogues) and every reference between files (a login's organisation, a
traject's coach, a placement's job...). A mistake raises `DemoDataError` naming the file and
the key, for example ``trajects.yaml: candidates[2].coach: 'coahc' is not a login in
people.yaml (known: coach, coach2, ...)``. The builders can then trust the data.

Dates in the stories are relative to the day the demo is loaded: ``days_ago`` (positive: in
the past) and ``in_days``/``due_in_days`` (negative: in the past).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from werkpad.accounts.models import Organisation, User
from werkpad.employers import catalogue as employers_catalogue
from werkpad.employers.models import Contactpersoon, Functie, Werkgever
from werkpad.instruments import catalogue as instruments_catalogue
from werkpad.instruments.kinds import KINDS
from werkpad.placements.models import Plaatsing
from werkpad.route.catalogue import read_catalogue
from werkpad.route.models import Party, Phase
from werkpad.trajects.models import Afspraak, JournaalNotitie, Traject, TrajectMilestone

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = (
    "organisations.yaml",
    "people.yaml",
    "employers.yaml",
    "trajects.yaml",
    "instruments.yaml",
    "placements.yaml",
    "monitoring.yaml",
)


class DemoDataError(ValueError):
    """A demo story file that cannot be read, with the file and the key it is about."""


@dataclass(frozen=True)
class Stories:
    """The checked contents of the demo files, one attribute per file."""

    organisations: dict[str, dict]
    people: dict[str, Any]
    employers: dict[str, dict]
    trajects: dict[str, Any]
    instruments: dict[str, Any]
    placements: dict[str, Any]
    monitoring: dict[str, Any]

    @property
    def logins(self) -> list[dict]:
        return self.people["logins"]

    @property
    def candidates(self) -> list[dict]:
        return self.trajects["candidates"]

    def candidate(self, key: str) -> dict:
        return next(c for c in self.candidates if c["key"] == key)

    def placement_of(self, candidate: str) -> dict:
        return next(p for p in self.placements["placements"] if p["candidate"] == candidate)


# --- a small schema language ----------------------------------------------------------------
# A schema is a type (str, int, bool, datetime.date), a `Choice`, a `Ref`, a list with one
# schema (a list of those), a `MapOf` (a mapping with keys of one's own choosing) or a dict
# of key -> schema (a key ending in "?" may be left out). `ANY` accepts anything (instrument
# answers: their own forms check them while loading).


@dataclass(frozen=True)
class Choice:
    values: tuple[str, ...]
    what: str

    @classmethod
    def of(cls, values: Iterable[str], what: str) -> Choice:
        return cls(tuple(str(v) for v in values), what)


@dataclass(frozen=True)
class Ref:
    """A key defined elsewhere in the stories (`kind`: 'organisation', 'login', ...)."""

    kind: str


@dataclass(frozen=True)
class MapOf:
    value: Any


@dataclass(frozen=True)
class Maybe:
    value: Any


ANY = object()
REF_FILES = {
    "organisation": "organisations.yaml",
    "login": "people.yaml",
    "candidate": "trajects.yaml",
    "employer": "employers.yaml",
}


class _Checker:
    def __init__(self, file: str, known: dict[str, set[str]]):
        self.file = file
        self.known = known

    def fail(self, where: str, message: str) -> DemoDataError:
        return DemoDataError(f"{self.file}: {where or '(top)'}: {message}")

    def check(self, value: Any, schema: Any, where: str) -> None:
        if isinstance(schema, Maybe):
            if value is not None:
                self.check(value, schema.value, where)
        elif schema is ANY:
            return
        elif isinstance(schema, dict):
            self._dict(value, schema, where)
        elif isinstance(schema, list):
            if not isinstance(value, list):
                raise self.fail(where, f"expected a list, found {_kind(value)}")
            for index, item in enumerate(value):
                self.check(item, schema[0], f"{where}[{index}]")
        elif isinstance(schema, MapOf):
            if not isinstance(value, dict):
                raise self.fail(where, f"expected a mapping, found {_kind(value)}")
            for key, item in value.items():
                self.check(item, schema.value, f"{where}.{key}")
        elif isinstance(schema, Choice):
            if str(value) not in schema.values:
                raise self.fail(
                    where,
                    f"{value!r} is not {_a(schema.what)} (known: {', '.join(schema.values)})",
                )
        elif isinstance(schema, Ref):
            self.ref(value, schema.kind, where)
        elif schema is int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise self.fail(where, f"expected a whole number, found {value!r}")
        elif not isinstance(value, schema):
            raise self.fail(where, f"expected {schema.__name__}, found {value!r}")

    def ref(self, value: Any, kind: str, where: str) -> None:
        known = self.known.get(kind, set())
        if value not in known:
            raise self.fail(
                where,
                f"{value!r} is not {_a(kind)} in {REF_FILES.get(kind, 'the stories')} "
                f"(known: {', '.join(sorted(known))})",
            )

    def _dict(self, value: Any, schema: dict, where: str) -> None:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, found {_kind(value)}")
        names = {key.rstrip("?"): key for key in schema}
        for key in value:
            if key not in names:
                raise self.fail(
                    _join(where, key), f"unknown key (expected one of: {', '.join(names)})"
                )
        for name, key in names.items():
            if name not in value:
                if not key.endswith("?"):
                    raise self.fail(_join(where, name), "missing")
                continue
            self.check(value[name], schema[key], _join(where, name))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else str(key)


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


# --- the schemas ----------------------------------------------------------------------------


def _route_milestones() -> Choice:
    return Choice.of((m["key"] for m in read_catalogue()["milestones"]), "route milestone")


def _aanpassingen() -> Choice:
    keys = (item["key"] for item in employers_catalogue.read()["aanpassingen"])
    return Choice.of(keys, "workplace adjustment (employers/data/aanpassingen.yaml)")


def _regelingen() -> Choice:
    data = instruments_catalogue.read("regelingen")
    groups = ("uitkeringen", "werkgeversregelingen")
    keys = [item["key"] for group in groups for item in data[group]]
    return Choice.of(keys, "regeling (instruments/data/regelingen.yaml)")


def _schemas() -> dict[str, dict]:
    milestone = _route_milestones()
    party = Choice.of(Party.values, "party")
    days = Choice.of(["ma", "di", "wo", "do", "vr", "za", "zo"], "day")
    demands = MapOf(int)
    contact = {"name": str, "role?": str, "organisation_name?": str, "phone?": str, "email?": str}
    task = {
        "name": str,
        "description": str,
        "hours_per_week": int,
        "location": str,
        "times": str,
        "quiet_place": bool,
        "fixed_hours": bool,
        "demands": demands,
    }
    job = {
        "soort": Choice.of(Functie.Soort.values, "kind of job"),
        "title": str,
        "location": str,
        "description": str,
        "days": [days],
        "tasks?": [str],
        "hours_per_week?": int,
        "quiet_place?": bool,
        "fixed_hours?": bool,
        "demands?": demands,
        "aanpassingen": [_aanpassingen()],
        "open?": bool,
        "created_days_ago": int,
    }
    return {
        "organisations.yaml": {
            "organisations": MapOf(
                {"name": str, "kind": Choice.of(Organisation.Kind.values, "kind"), "city": str}
            )
        },
        "people.yaml": {
            "domain": str,
            "password": str,
            "logins": [
                {
                    "key": str,
                    "first_name": str,
                    "last_name": str,
                    "role": Choice.of(User.Role.values, "role"),
                    "organisation": Maybe(Ref("organisation")),
                    "look_at": str,
                    "admin?": bool,
                }
            ],
        },
        "employers.yaml": {
            "employers": MapOf(
                {
                    "profile": {
                        "sector": str,
                        "grootte": Choice.of(Werkgever.Grootte.values, "size"),
                        "description": str,
                    },
                    "locations": MapOf({"name": str, "address": str, "postcode": str, "city": str}),
                    "contacts": MapOf(
                        {
                            "name": str,
                            "rol": Choice.of(Contactpersoon.Rol.values, "contact role"),
                            "email?": str,
                            "phone?": str,
                            "login?": Ref("login"),
                        }
                    ),
                    "milestones": MapOf({"status": str, "note?": str}),
                    "tasks": MapOf(task),
                    "jobs": MapOf(job),
                }
            )
        },
        "trajects.yaml": {
            "candidates": [
                {
                    "key": str,
                    "first_name": str,
                    "last_name": str,
                    "born": datetime.date,
                    "city": str,
                    "phone?": str,
                    "login?": Ref("login"),
                    "coach": Ref("login"),
                    "method": Choice.of(Traject.Method.values, "method"),
                    "referral": Choice.of(Traject.Referral.values, "referral"),
                    "referral_note": str,
                    "started_days_ago": int,
                    "moves?": [
                        {
                            "days_ago": int,
                            "phase": Choice.of(Phase.values, "phase"),
                            "reason?": str,
                            "placement?": bool,
                        }
                    ],
                    "close?": {
                        "days_ago": int,
                        "outcome": Choice.of(Traject.Outcome.values, "outcome"),
                        "reason": str,
                    },
                    "parties": [
                        {
                            "days_ago": int,
                            "party": party,
                            "login?": Ref("login"),
                            "contact?": contact,
                        }
                    ],
                    "notes": [
                        {
                            "days_ago": int,
                            "kind": Choice.of(JournaalNotitie.Kind.values, "kind of note"),
                            "participants": str,
                            "text": str,
                        }
                    ],
                    "agreements?": [
                        {
                            "what": str,
                            "who": party,
                            "made_days_ago": int,
                            "due_in_days": int,
                            "status?": Choice.of(Afspraak.Status.values, "agreement status"),
                            "status_days_ago?": int,
                            "milestone?": milestone,
                        }
                    ],
                    "milestones?": MapOf(
                        {
                            "status": Choice.of(TrajectMilestone.Status.values, "status"),
                            "due_in_days?": int,
                            "note?": str,
                            "nvt_reason?": str,
                        }
                    ),
                }
            ]
        },
        "instruments.yaml": {
            "candidates": MapOf(
                {
                    "instruments": MapOf(MapOf(ANY)),
                    "later_versions?": [
                        {"kind": Choice.of(KINDS, "instrument"), "by": Ref("login"), "changes": ANY}
                    ],
                    "sharing?": {"by": Ref("login"), "shared": MapOf([str])},
                    "read_by?": [{"login": Ref("login"), "what": str}],
                }
            )
        },
        "placements.yaml": {
            "match_profiles": MapOf({"reisgebied": str}),
            "placements": [
                {
                    "candidate": Ref("candidate"),
                    "employer": Ref("employer"),
                    "job": str,
                    "leidinggevende": str,
                    "buddy": str,
                    "soort": Choice.of(Plaatsing.Soort.values, "kind of placement"),
                    "contract_uren": int,
                    "regelingen": [_regelingen()],
                    "match_meeting": {
                        "days_ago": int,
                        "onderwerpen": [str],
                        "randvoorwaarden_kandidaat": str,
                        "randvoorwaarden_werkgever": str,
                        "verwachtingen": str,
                        "aanpak": str,
                    },
                    "start_days_ago": int,
                    "plans": MapOf(ANY),
                    "build_up": {
                        "steps?": [{"from_week": int, "hours": int}],
                        "next_step?": {"in_days": int, "hours": int},
                        "short_weeks?": [
                            {"week?": int, "days_ago?": int, "worked": int, "reason": str}
                        ],
                        "weeks?": [{"week": int, "planned": int, "worked?": int, "reason?": str}],
                    },
                }
            ],
        },
        "monitoring.yaml": {
            "placements": MapOf(
                {
                    "checkins_by?": Ref("login"),
                    "checkins": [
                        {
                            "days_ago": int,
                            "energie": int,
                            "spanning": int,
                            "plezier": int,
                            "belasting": int,
                            "opmerking?": str,
                        }
                    ],
                    "supervisor_checkins_by?": Ref("login"),
                    "supervisor_checkins": [
                        {
                            "days_ago": int,
                            "gaat_goed": int,
                            "signalen_gezien": bool,
                            "toelichting?": str,
                        }
                    ],
                    "next_checkin_in_days": int,
                    "checkin_waiting_today?": bool,
                    "development_steps?": [
                        {
                            "doel": str,
                            "kleine_stappen": [str],
                            "verwachting": str,
                            "target_in_days": int,
                            "status": str,
                            "by": Ref("login"),
                        }
                    ],
                    "meeting?": {
                        "by": Ref("login"),
                        "in_days": int,
                        "at": str,
                        "minutes": int,
                    },
                    "dropout?": {
                        "reported_by": Ref("login"),
                        "started_days_ago": int,
                        "reason": str,
                        "contact_every_days": int,
                        "checklist_done": MapOf(Ref("login")),
                        "contacts": [
                            {
                                "by": Ref("login"),
                                "with": str,
                                "days_ago": int,
                                "how": str,
                                "note": str,
                            }
                        ],
                    },
                }
            )
        },
    }


# --- reading --------------------------------------------------------------------------------


def _read(data_dir: Path, name: str) -> dict:
    path = data_dir / name
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError as error:
        raise DemoDataError(f"{name}: the file is missing ({path})") from error
    except yaml.YAMLError as error:
        raise DemoDataError(f"{name}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{name}: (top): expected a mapping, found {_kind(data)}")
    return data


def read_stories(data_dir: Path = DATA_DIR) -> Stories:
    """Read and check every demo file; raise `DemoDataError` on the first mistake."""
    data = {name: _read(data_dir, name) for name in FILES}
    known = _known_keys(data)
    schemas = _schemas()
    for name in FILES:
        _Checker(name, known).check(data[name], schemas[name], "")
    for name, check in _CROSS_CHECKS:
        check(data, _Checker(name, known))
    return Stories(
        organisations=data["organisations.yaml"]["organisations"],
        people=data["people.yaml"],
        employers=data["employers.yaml"]["employers"],
        trajects=data["trajects.yaml"],
        instruments=data["instruments.yaml"],
        placements=data["placements.yaml"],
        monitoring=data["monitoring.yaml"],
    )


def _keys(value: Any, field: str | None = None) -> set[str]:
    if isinstance(value, dict):
        return set(value)
    if isinstance(value, list) and field:
        return {item[field] for item in value if isinstance(item, dict) and field in item}
    return set()


def _known_keys(data: dict[str, dict]) -> dict[str, set[str]]:
    return {
        "organisation": _keys(data["organisations.yaml"].get("organisations")),
        "login": _keys(data["people.yaml"].get("logins"), "key"),
        "candidate": _keys(data["trajects.yaml"].get("candidates"), "key"),
        "employer": _keys(data["employers.yaml"].get("employers")),
    }


# --- references the schema cannot express ---------------------------------------------------


def _check_employers(data: dict, checker: _Checker) -> None:
    """A job's location and tasks belong to its own employer; an employer is an
    organisation."""
    for key, employer in data["employers.yaml"]["employers"].items():
        checker.ref(key, "organisation", f"employers.{key}")
        for jkey, job in employer["jobs"].items():
            where = f"employers.{key}.jobs.{jkey}"
            if job["location"] not in employer["locations"]:
                raise checker.fail(
                    f"{where}.location",
                    f"{job['location']!r} is not a location of {key} "
                    f"(known: {', '.join(employer['locations'])})",
                )
            for index, task in enumerate(job.get("tasks", [])):
                if task not in employer["tasks"]:
                    raise checker.fail(
                        f"{where}.tasks[{index}]",
                        f"{task!r} is not a task of {key} (known: {', '.join(employer['tasks'])})",
                    )


def _check_trajects(data: dict, checker: _Checker) -> None:
    """Every party names a login or a contact; a move with `placement: true` has its
    placement in placements.yaml."""
    placed = {p["candidate"] for p in data["placements.yaml"]["placements"]}
    for index, candidate in enumerate(data["trajects.yaml"]["candidates"]):
        where = f"candidates[{index}]"
        for pindex, party in enumerate(candidate["parties"]):
            if ("login" in party) == ("contact" in party):
                raise checker.fail(f"{where}.parties[{pindex}]", "give either a login or a contact")
        for mindex, move in enumerate(candidate.get("moves", [])):
            if move.get("placement") and candidate["key"] not in placed:
                raise checker.fail(
                    f"{where}.moves[{mindex}].placement",
                    f"{candidate['key']!r} has no placement in placements.yaml",
                )


def _check_placements(data: dict, checker: _Checker) -> None:
    """A placement's job and people are the employer's; its candidate's traject starts it
    with a move to phase c marked `placement: true`."""
    employers = data["employers.yaml"]["employers"]
    moved = {
        c["key"]
        for c in data["trajects.yaml"]["candidates"]
        if any(m.get("placement") for m in c.get("moves", []))
    }
    for index, placement in enumerate(data["placements.yaml"]["placements"]):
        where = f"placements[{index}]"
        employer = employers[placement["employer"]]
        for field, known in (
            ("job", employer["jobs"]),
            ("leidinggevende", employer["contacts"]),
            ("buddy", employer["contacts"]),
        ):
            if placement[field] not in known:
                raise checker.fail(
                    f"{where}.{field}",
                    f"{placement[field]!r} is not a {field} of {placement['employer']} in "
                    f"employers.yaml (known: {', '.join(known)})",
                )
        if placement["candidate"] not in moved:
            raise checker.fail(
                f"{where}.candidate",
                f"the traject of {placement['candidate']!r} in trajects.yaml has no move to "
                "phase c with 'placement: true'",
            )
    for key in data["placements.yaml"]["match_profiles"]:
        checker.ref(key, "candidate", f"match_profiles.{key}")


def _check_instruments(data: dict, checker: _Checker) -> None:
    for key, spec in data["instruments.yaml"]["candidates"].items():
        checker.ref(key, "candidate", f"candidates.{key}")
        for kind in spec["instruments"]:
            checker.check(kind, Choice.of(KINDS, "instrument"), f"candidates.{key}.instruments")


def _check_monitoring(data: dict, checker: _Checker) -> None:
    placed = {p["candidate"] for p in data["placements.yaml"]["placements"]}
    for key in data["monitoring.yaml"]["placements"]:
        if key not in placed:
            raise checker.fail(
                f"placements.{key}",
                f"{key!r} has no placement in placements.yaml (known: {', '.join(sorted(placed))})",
            )


_CROSS_CHECKS: list[tuple[str, Callable[[dict, _Checker], None]]] = [
    ("employers.yaml", _check_employers),
    ("trajects.yaml", _check_trajects),
    ("placements.yaml", _check_placements),
    ("instruments.yaml", _check_instruments),
    ("monitoring.yaml", _check_monitoring),
]
