"""The matching engine: pure functions over prepared profiles, no database access.

The score starts from the candidate's wishes (note 1), then the fit per work-capacity area,
hours and days, travel, and conditions. Suggestions only inform the conversation: the
candidate's own choice always wins (IPS: client preference).

Profiles are prepared once (`JobIndex`, `CandidateIndex`) so that ranking one candidate
against many jobs (or one job against many candidates) is a few numpy operations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from werkpad.instruments.catalogue import read
from werkpad.text import hours_text

AREAS: list[str] = [a["key"] for a in read("werkcapaciteiten")["areas"]]
AREA_NAMES: dict[str, str] = {a["key"]: a["name"] for a in read("werkcapaciteiten")["areas"]}
AREA_INDEX = {key: i for i, key in enumerate(AREAS)}

WEIGHTS = {"wens": 0.40, "capaciteit": 0.30, "uren": 0.15, "reizen": 0.10, "omstandigheden": 0.05}
NEUTRAL = 0.5
STOPWORDS = {
    "de", "het", "een", "en", "of", "in", "op", "met", "van", "voor", "bij", "aan", "te", "is",
    "graag", "werk", "werken", "ik", "mijn", "wil", "zou", "doen", "die", "dat", "als", "niet",
}  # fmt: skip


def words(text: str) -> frozenset[str]:
    """Meaningful words of a text, lower case, without short and common ones."""
    return frozenset(
        w
        for w in re.findall(r"[a-zà-ÿ]+", (text or "").lower())
        if len(w) > 2 and w not in STOPWORDS
    )


@dataclass
class CandidateProfile:
    key: int
    name: str
    wish_words: frozenset[str] = frozenset()
    wish_text: str = ""
    capacities: dict[str, int] = field(default_factory=dict)  # area -> 1..4
    hours_start: int | None = None
    hours_goal: int | None = None
    days: frozenset[str] = frozenset()
    travel_area: frozenset[str] = frozenset()  # lower-case places / 4-digit postcodes
    needs_quiet: bool = False
    needs_fixed_hours: bool = False


@dataclass
class JobProfile:
    key: int
    title: str
    employer: str
    employer_key: int = 0
    words: frozenset[str] = frozenset()
    demands: dict[str, int] = field(default_factory=dict)
    hours: float = 0.0
    days: frozenset[str] = frozenset()
    place: str = ""  # lower-case city
    postcode4: str = ""
    quiet_place: bool = False
    fixed_hours: bool = False


def _vector(values: dict[str, int]) -> np.ndarray:
    v = np.zeros(len(AREAS), dtype=np.int8)
    for area, value in values.items():
        if area in AREA_INDEX and value:
            v[AREA_INDEX[area]] = int(value)
    return v


def _goal(candidate: CandidateProfile) -> int | None:
    """Hours the candidate aims for (or starts with); 0 or nothing counts as not known."""
    return candidate.hours_goal or candidate.hours_start or None


def _travel_ok(candidate: CandidateProfile, job: JobProfile) -> float:
    if not candidate.travel_area:
        return NEUTRAL
    return float(job.place in candidate.travel_area or job.postcode4 in candidate.travel_area)


def _hours_fit(candidate: CandidateProfile, job: JobProfile) -> float | None:
    """1 when the job's hours are within the candidate's goal, less the further above it;
    None when the candidate has not said."""
    goal = _goal(candidate)
    if goal is None:
        return None
    if job.hours <= goal:
        return 1.0
    return max(0.0, 1.0 - (job.hours - goal) / 16)


def _days_fit(candidate: CandidateProfile, job: JobProfile) -> float | None:
    """The share of the job's days the candidate can work; None when either is not known."""
    if not candidate.days or not job.days:
        return None
    return len(candidate.days & job.days) / len(job.days)


def _conditions_fit(candidate: CandidateProfile, job: JobProfile) -> float:
    needs = [
        (candidate.needs_quiet, job.quiet_place),
        (candidate.needs_fixed_hours, job.fixed_hours),
    ]
    relevant = [offered for needed, offered in needs if needed]
    if not relevant:
        return NEUTRAL
    return sum(relevant) / len(relevant)


def _capacity_scores(capacities: np.ndarray, demands: np.ndarray) -> np.ndarray:
    """Rows of `demands` (or of `capacities`) against the other side. 1 = fits everywhere;
    areas the candidate has not filled in count as half."""
    asked = demands > 0
    known = capacities > 0
    shortfall = np.where(asked & known, np.maximum(demands - capacities, 0), 0).sum(axis=-1)
    unknown = (asked & ~known).sum(axis=-1)
    n_asked = asked.sum(axis=-1)
    worst = np.maximum(n_asked * 3, 1)
    score = 1.0 - (shortfall + unknown * 1.5) / worst
    return np.where(n_asked == 0, NEUTRAL, np.clip(score, 0.0, 1.0))


@dataclass
class Suggestion:
    key: int
    score: int  # 0..100
    profile: CandidateProfile | JobProfile


class JobIndex:
    """Jobs prepared for ranking against one candidate at a time."""

    def __init__(self, jobs: list[JobProfile]):
        self.jobs = jobs
        self.demands = np.array([_vector(j.demands) for j in jobs], dtype=np.int8).reshape(
            len(jobs), len(AREAS)
        )
        self.hours = np.array([j.hours for j in jobs], dtype=np.float64)
        self.places = np.array([j.place for j in jobs], dtype=object)
        self.postcodes = np.array([j.postcode4 for j in jobs], dtype=object)
        self.quiet = np.array([j.quiet_place for j in jobs], dtype=bool)
        self.fixed = np.array([j.fixed_hours for j in jobs], dtype=bool)

    def rank(self, candidate: CandidateProfile, limit: int = 20) -> list[Suggestion]:
        if not self.jobs:
            return []
        n = len(self.jobs)
        c = _vector(candidate.capacities)
        wish = (
            np.fromiter((float(bool(candidate.wish_words & j.words)) for j in self.jobs), float, n)
            if candidate.wish_words
            else np.full(n, NEUTRAL)
        )
        capacity = _capacity_scores(c[np.newaxis, :], self.demands)
        goal = _goal(candidate)
        hours = (
            np.full(n, NEUTRAL)
            if goal is None
            else np.where(self.hours <= goal, 1.0, np.clip(1.0 - (self.hours - goal) / 16, 0, 1))
        )
        days = (
            np.fromiter(
                (
                    len(candidate.days & j.days) / len(j.days) if j.days else NEUTRAL
                    for j in self.jobs
                ),
                float,
                n,
            )
            if candidate.days
            else np.full(n, NEUTRAL)
        )
        if candidate.travel_area:
            area = list(candidate.travel_area)
            travel = (np.isin(self.places, area) | np.isin(self.postcodes, area)).astype(float)
        else:
            travel = np.full(len(self.jobs), NEUTRAL)
        needs = [(candidate.needs_quiet, self.quiet), (candidate.needs_fixed_hours, self.fixed)]
        offered = [o for needed, o in needs if needed]
        conditions = sum(o.astype(float) for o in offered) / len(offered) if offered else NEUTRAL
        return _suggestions(self.jobs, limit, wish, capacity, hours, days, travel, conditions)


class CandidateIndex:
    """Candidates (who agreed to be matched) prepared for ranking against one job."""

    def __init__(self, candidates: list[CandidateProfile]):
        self.candidates = candidates
        self.capacities = np.array(
            [_vector(c.capacities) for c in candidates], dtype=np.int8
        ).reshape(len(candidates), len(AREAS))
        self.goals = np.array([_goal(c) or -1 for c in candidates], dtype=np.float64)
        self.needs_quiet = np.array([c.needs_quiet for c in candidates], dtype=bool)
        self.needs_fixed = np.array([c.needs_fixed_hours for c in candidates], dtype=bool)

    def rank(self, job: JobProfile, limit: int = 20) -> list[Suggestion]:
        if not self.candidates:
            return []
        n = len(self.candidates)
        wish = np.fromiter(
            (
                float(bool(c.wish_words & job.words)) if c.wish_words else NEUTRAL
                for c in self.candidates
            ),
            float,
            n,
        )
        capacity = _capacity_scores(self.capacities, _vector(job.demands)[np.newaxis, :])
        hours = np.where(
            self.goals < 0,
            NEUTRAL,
            np.where(
                job.hours <= self.goals, 1.0, np.clip(1.0 - (job.hours - self.goals) / 16, 0, 1)
            ),
        )
        days = np.fromiter(
            (
                len(c.days & job.days) / len(job.days) if c.days and job.days else NEUTRAL
                for c in self.candidates
            ),
            float,
            n,
        )
        travel = np.fromiter((_travel_ok(c, job) for c in self.candidates), float, n)
        quiet = np.where(self.needs_quiet, float(job.quiet_place), np.nan)
        fixed = np.where(self.needs_fixed, float(job.fixed_hours), np.nan)
        both = np.vstack([quiet, fixed])
        counted = (~np.isnan(both)).sum(axis=0)
        conditions = np.where(
            counted == 0, NEUTRAL, np.nansum(both, axis=0) / np.maximum(counted, 1)
        )
        return _suggestions(self.candidates, limit, wish, capacity, hours, days, travel, conditions)


def _suggestions(
    profiles: list[CandidateProfile] | list[JobProfile],
    limit: int,
    wish: np.ndarray,
    capacity: np.ndarray,
    hours: np.ndarray,
    days: np.ndarray,
    travel: np.ndarray,
    conditions: np.ndarray | float,
) -> list[Suggestion]:
    """The weighted total of the criterion scores (one score per profile) and the best `limit`
    profiles as suggestions: the same sum and top in both directions."""
    total = (
        WEIGHTS["wens"] * wish
        + WEIGHTS["capaciteit"] * capacity
        + WEIGHTS["uren"] * (hours + days) / 2
        + WEIGHTS["reizen"] * travel
        + WEIGHTS["omstandigheden"] * conditions
    )
    return [
        Suggestion(profiles[i].key, _percent(total[i]), profiles[i]) for i in _top(total, limit)
    ]


def _percent(score: float) -> int:
    """Scores as whole percentages, rounded the same way in both directions."""
    return int(np.floor(np.round(score * 100, 6) + 0.5))


def _top(total: np.ndarray, limit: int) -> list[int]:
    """The best `limit` indexes, ties in input order (so the top is the start of the full
    ranking)."""
    rounded = np.round(total, 9)
    return np.argsort(-rounded, kind="stable")[:limit].tolist()


def reasons(candidate: CandidateProfile, job: JobProfile) -> list[tuple[bool, str]]:
    """Plain-words reasons per criterion: (fits, text). Wishes first."""
    out: list[tuple[bool, str]] = []
    common = sorted(candidate.wish_words & job.words)
    if common:
        out.append((True, _("past bij wens: %(words)s") % {"words": ", ".join(common[:3])}))
    elif candidate.wish_words:
        out.append((False, _("sluit niet duidelijk aan bij de wensen")))
    else:
        out.append((False, _("wensen nog niet ingevuld")))
    for area, asked in sorted(job.demands.items(), key=lambda kv: AREA_INDEX.get(kv[0], 99)):
        if not asked or area not in AREA_INDEX:
            continue
        has = candidate.capacities.get(area)
        name = AREA_NAMES[area].lower()
        if has is None:
            out.append((False, _("%(area)s: nog niet ingevuld") % {"area": AREA_NAMES[area]}))
        elif has < asked:
            out.append((False, _("vraagt meer %(area)s dan je aangeeft") % {"area": name}))
        elif asked >= 3:
            out.append((True, _("%(area)s past") % {"area": AREA_NAMES[area]}))
    hours = _hours_fit(candidate, job)
    if hours == 1.0:
        out.append((True, _("%(hours)s uur per week past") % {"hours": hours_text(job.hours)}))
    elif hours is not None:
        out.append(
            (
                False,
                _("%(hours)s uur per week is meer dan je wilt") % {"hours": hours_text(job.hours)},
            )
        )
    days = _days_fit(candidate, job)
    if days is not None and days < 1.0:
        out.append((False, _("niet alle werkdagen passen")))
    travel = _travel_ok(candidate, job)
    if travel == 1.0:
        out.append((True, _("ligt in je reisgebied (%(place)s)") % {"place": job.place.title()}))
    elif travel == 0.0:
        out.append(
            (False, _("ligt buiten je reisgebied (%(place)s)") % {"place": job.place.title()})
        )
    if candidate.needs_quiet:
        out.append(
            (True, _("rustige werkplek mogelijk"))
            if job.quiet_place
            else (False, _("geen rustige werkplek"))
        )
    if candidate.needs_fixed_hours:
        out.append(
            (True, _("vaste tijden mogelijk"))
            if job.fixed_hours
            else (False, _("geen vaste tijden"))
        )
    return out
