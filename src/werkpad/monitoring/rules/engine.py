"""Signal rules for monitoring a placement: a traffic light (groen / oranje / rood) per placement.

Pure and database-free. The rules are data (`data/signaalregels.yaml`: names, explanations,
thresholds, levels, steps); the logic per rule key lives here. The default rules are read and
compiled once; `assess()` only walks a handful of check-ins, so it can run for many placements
in a worker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from operator import attrgetter
from pathlib import Path
from typing import Any

import yaml

from werkpad.text import dutch_date, dutch_list, dutch_number, number_word

RULES_PATH = Path(__file__).resolve().parent / "data" / "signaalregels.yaml"

LEVELS = ("groen", "oranje", "rood")
_LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
SCORE_FIELDS = ("energie", "spanning", "plezier", "belasting")

_WORD = re.compile(r"\w+")
_by_date = attrgetter("date")


# --- Input and output --------------------------------------------------------------------------


def _check_score(name: str, value: int | None, low: int = 1, high: int = 5) -> None:
    if value is not None and not (low <= value <= high):
        raise ValueError(f"{name} moet tussen {low} en {high} liggen, niet {value!r}")


@dataclass(slots=True)
class CheckIn:
    """The candidate's short self check-in. Scores 1-5; None = not answered."""

    date: date
    energie: int | None = None
    spanning: int | None = None  # high is worrying
    plezier: int | None = None
    belasting: int | None = None  # how well the workload fits: low is worrying
    opmerking: str = ""

    def __post_init__(self) -> None:
        _check_score("energie", self.energie)
        _check_score("spanning", self.spanning)
        _check_score("plezier", self.plezier)
        _check_score("belasting", self.belasting)


@dataclass(slots=True)
class SupervisorCheckIn:
    """The supervisor's short check-in: how work goes (1-5) and whether signals were noticed."""

    date: date
    gaat_goed: int | None = None
    signalen_gezien: bool = False
    toelichting: str = ""

    def __post_init__(self) -> None:
        _check_score("gaat_goed", self.gaat_goed)


@dataclass(slots=True)
class Assessment:
    level: str  # "groen" | "oranje" | "rood"
    reasons: list[str]
    steps: list[str]
    intensify: bool = False
    rule_keys: list[str] = field(default_factory=list)  # the rules that applied, worst first
    contact_within_days: int | None = None


# --- Loading and compiling the rules -----------------------------------------------------------


@cache
def read_rules(path: Path = RULES_PATH) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(slots=True, frozen=True)
class Question:
    key: str
    naam: str
    inverted: bool
    laag_tekst: str
    daling_tekst: str
    trend_tekst: str
    helling_tekst: str


@dataclass(slots=True, frozen=True)
class Rule:
    key: str
    naam: str
    uitleg: str
    rank: int
    params: dict[str, Any]
    texts: dict[str, str]
    contact_days: int | None
    intensify: bool
    steps: tuple[str, ...]
    dropped_if: tuple[str, ...]
    order: int


@dataclass(slots=True, frozen=True)
class CompiledRules:
    low: int
    high: int
    questions: tuple[Question, ...]
    rules: dict[str, Rule]
    tolerance: timedelta
    interval_factor: float
    interval_minimum: int
    contact_one_day: str
    contact_days: str
    green_steps: tuple[str, ...]


_RULE_TEXT_KEYS = ("tekst", "tekst_een", "tekst_toelichting")


def compile_rules(data: dict[str, Any]) -> CompiledRules:
    """Validate the rules data and turn it into lookup-friendly objects (done once)."""
    scale = data.get("schaal", {})
    low, high = int(scale.get("min", 1)), int(scale.get("max", 5))
    questions = tuple(
        Question(
            key=q["key"],
            naam=q["naam"],
            inverted=q.get("slecht_als", "laag") == "hoog",
            laag_tekst=q["laag_tekst"],
            daling_tekst=q["daling_tekst"],
            trend_tekst=q["trend_tekst"],
            helling_tekst=q["helling_tekst"],
        )
        for q in data.get("vragen", [])
        if q["key"] in SCORE_FIELDS
    )
    step_texts = data.get("stappen", {})
    rules: dict[str, Rule] = {}
    for order, item in enumerate(data.get("regels", [])):
        key = item["key"]
        if key not in _EVALUATORS and key != "groen":
            raise ValueError(f"Onbekende signaalregel: {key!r}")
        level = item["niveau"]
        if level not in _LEVEL_RANK:
            raise ValueError(f"Onbekend niveau {level!r} bij regel {key!r}")
        steps = []
        for step in item.get("stappen", []) or []:
            if step not in step_texts:
                raise ValueError(f"Onbekende stap {step!r} bij regel {key!r}")
            steps.append(step_texts[step])
        rules[key] = Rule(
            key=key,
            naam=item["naam"],
            uitleg=item.get("uitleg", ""),
            rank=_LEVEL_RANK[level],
            params=dict(item.get("parameters") or {}),
            texts={k: item[k] for k in _RULE_TEXT_KEYS if k in item},
            contact_days=item.get("contact_binnen_dagen"),
            intensify=bool(item.get("contact_vaker", False)),
            steps=tuple(steps),
            dropped_if=tuple(item.get("vervalt_als", []) or []),
            order=order,
        )
    green = rules.pop("groen", None)
    schedule = data.get("contactschema", {})
    contact = data.get("contact_stap", {})
    return CompiledRules(
        low=low,
        high=high,
        questions=questions,
        rules=rules,
        tolerance=timedelta(days=int(data.get("schema", {}).get("tolerantie_dagen", 0))),
        interval_factor=float(schedule.get("factor", 0.5)),
        interval_minimum=int(schedule.get("minimum_dagen", 7)),
        contact_one_day=contact.get("een_dag", "Neem binnen 1 dag contact op"),
        contact_days=contact.get("dagen", "Neem binnen {dagen} dagen contact op"),
        green_steps=green.steps if green else (),
    )


@cache
def default_rules() -> CompiledRules:
    return compile_rules(read_rules())


def _words(text: str) -> str:
    """Lower-cased words joined by single spaces, padded so whole-phrase search is a substring
    test: ' slecht slapen ' in ' ik ga slecht slapen '."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


# --- Computations ------------------------------------------------------------------------------


def missed_dates(
    checkins: Sequence[CheckIn], expected_dates: Iterable[date], today: date, tolerance: timedelta
) -> list[tuple[date, bool]]:
    """For each expected date whose tolerance window has closed (date + tolerance < today), in
    order: (date, missed). A check-in covers one expected date when it falls within the
    tolerance either side; each check-in covers at most one date. `checkins` sorted by date."""
    result = []
    i, n = 0, len(checkins)
    for d in sorted(expected_dates):
        start, end = d - tolerance, d + tolerance
        while i < n and checkins[i].date < start:
            i += 1
        covered = i < n and checkins[i].date <= end
        if covered:
            i += 1
        if end < today:
            result.append((d, not covered))
        elif not covered:
            break  # still open; later dates are later still
    return result


def slope(values: Sequence[float]) -> float:
    """Least-squares slope of values against 0, 1, 2, ... (points per check-in)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    num = 0.0
    den = 0.0
    for x, y in enumerate(values):
        dx = x - mean_x
        num += dx * (y - mean_y)
        den += dx * dx
    return num / den


def declines_in_a_row(values: Sequence[float]) -> int:
    """How many times in a row the series got strictly worse, counted back from the last."""
    count = 0
    for k in range(len(values) - 1, 0, -1):
        if values[k] < values[k - 1]:
            count += 1
        else:
            break
    return count


# --- The rules (one function per key) ----------------------------------------------------------
# Each returns a list of reasons (empty: the rule does not apply). `ctx` holds what assess()
# prepared once: the series per question (in "care" scores, where low is worrying), the latest
# check-in, the missed expected dates, the latest supervisor check-in.


@dataclass(slots=True)
class _Context:
    cr: CompiledRules
    today: date
    latest: CheckIn | None
    series: list[tuple[Question, list[int], list[int]]]  # question, raw values, care values
    expected: list[tuple[date, bool]]
    supervisor: SupervisorCheckIn | None
    own_signals: Sequence[str]


def _low_answers(ctx: _Context, limit: int) -> list[tuple[Question, int]]:
    latest = ctx.latest
    if latest is None:
        return []
    top = ctx.cr.low + ctx.cr.high
    out = []
    for q, _raw, _care in ctx.series:
        value = getattr(latest, q.key)
        if value is None:
            continue
        care = top - value if q.inverted else value
        if care <= limit:
            out.append((q, value))
    return out


def _rule_lage_score(ctx: _Context, rule: Rule) -> list[str]:
    high = ctx.cr.high
    return [
        q.laag_tekst.format(waarde=v, max=high)
        for q, v in _low_answers(ctx, rule.params.get("grens", 2))
    ]


def _rule_meerdere_lage_scores(ctx: _Context, rule: Rule) -> list[str]:
    low = _low_answers(ctx, rule.params.get("grens", 2))
    if len(low) < rule.params.get("minimaal_aantal", 3):
        return []
    names = [q.naam.lower() for q, _v in low]
    return [
        rule.texts["tekst"].format(
            aantal=number_word(len(low), capital=True), lijst=dutch_list(names)
        )
    ]


def _rule_daling(ctx: _Context, rule: Rule) -> list[str]:
    latest = ctx.latest
    if latest is None:
        return []
    p = rule.params
    points, window, minimum = p.get("punten", 2), p.get("venster", 4), p.get("minimaal_eerder", 2)
    out = []
    for q, raw, care in ctx.series:
        # Only compare when the latest check-in answered this question.
        if getattr(latest, q.key) is None or len(care) <= minimum:
            continue
        before = care[-1 - window : -1]
        mean = sum(before) / len(before)
        drop = mean - care[-1]
        if drop >= points:
            raw_mean = (ctx.cr.low + ctx.cr.high - mean) if q.inverted else mean
            out.append(
                q.daling_tekst.format(
                    verschil=dutch_number(drop), waarde=raw[-1], gemiddelde=dutch_number(raw_mean)
                )
            )
    return out


def _rule_dalende_trend(ctx: _Context, rule: Rule) -> list[str]:
    p = rule.params
    in_a_row, window = p.get("keer_achter_elkaar", 3), p.get("venster", 5)
    minimum, steep = p.get("minimaal", 4), p.get("helling", -0.5)
    min_declines = p.get("minimaal_dalingen", 2)
    out = []
    for q, raw, care in ctx.series:
        if len(care) < 2:
            continue
        run = declines_in_a_row(care)
        if run >= in_a_row:
            out.append(rule.texts["tekst"].format(aantal=number_word(run), trend=q.trend_tekst))
            continue
        recent = care[-window:]
        if (
            len(recent) >= minimum
            and slope(recent) <= steep
            and sum(b < a for a, b in pairwise(recent)) >= min_declines
        ):
            n = len(recent)
            out.append(
                q.helling_tekst.format(aantal=number_word(n), eerste=raw[-n], laatste=raw[-1])
            )
    return out


def _rule_gemist(ctx: _Context, rule: Rule) -> list[str]:
    recent = ctx.expected[-rule.params.get("venster", 4) :]
    missed = [d for d, m in recent if m]
    if len(missed) < rule.params.get("minimaal_aantal", 1) or not missed:
        return []
    if len(missed) == 1 and "tekst_een" in rule.texts:
        return [rule.texts["tekst_een"].format(datum=dutch_date(missed[0]))]
    return [rule.texts["tekst"].format(aantal=number_word(len(missed), capital=True))]


def _rule_gemist_reeks(ctx: _Context, rule: Rule) -> list[str]:
    recent = ctx.expected[-rule.params.get("venster", 4) :]
    longest = run = 0
    for _d, m in recent:
        run = run + 1 if m else 0
        longest = max(longest, run)
    if longest < rule.params.get("achter_elkaar", 2):
        return []
    return [rule.texts["tekst"].format(aantal=number_word(longest, capital=True))]


def _fresh_supervisor(ctx: _Context, rule: Rule) -> SupervisorCheckIn | None:
    sup = ctx.supervisor
    if sup is None:
        return None
    max_age = rule.params.get("max_leeftijd_dagen")
    if max_age is not None and (ctx.today - sup.date).days > max_age:
        return None
    return sup


def _rule_leidinggevende_signalen(ctx: _Context, rule: Rule) -> list[str]:
    sup = _fresh_supervisor(ctx, rule)
    if sup is None or not sup.signalen_gezien:
        return []
    note = (sup.toelichting or "").strip()
    if note and "tekst_toelichting" in rule.texts:
        return [rule.texts["tekst_toelichting"].format(toelichting=note)]
    return [rule.texts["tekst"]]


def _rule_leidinggevende_zorg(ctx: _Context, rule: Rule) -> list[str]:
    sup = _fresh_supervisor(ctx, rule)
    if sup is None or sup.gaat_goed is None or sup.gaat_goed > rule.params.get("grens", 2):
        return []
    return [rule.texts["tekst"].format(waarde=sup.gaat_goed, max=ctx.cr.high)]


def _rule_eigen_signaal(ctx: _Context, rule: Rule) -> list[str]:
    latest = ctx.latest
    if latest is None or not latest.opmerking or not ctx.own_signals:
        return []
    text = _words(latest.opmerking)
    out: list[str] = []
    seen: set[str] = set()
    for phrase in ctx.own_signals:
        words = _words(phrase)
        if words.strip() and words not in seen and words in text:
            seen.add(words)
            out.append(rule.texts["tekst"].format(signaal=phrase.strip()))
    return out


_EVALUATORS: dict[str, Callable[[_Context, Rule], list[str]]] = {
    "lage_score": _rule_lage_score,
    "meerdere_lage_scores": _rule_meerdere_lage_scores,
    "daling": _rule_daling,
    "dalende_trend": _rule_dalende_trend,
    "gemist": _rule_gemist,
    "gemist_reeks": _rule_gemist_reeks,
    "leidinggevende_signalen": _rule_leidinggevende_signalen,
    "leidinggevende_zorg": _rule_leidinggevende_zorg,
    "eigen_signaal": _rule_eigen_signaal,
}


# --- The assessment ----------------------------------------------------------------------------


def assess(
    checkins: Sequence[CheckIn],
    supervisor: Sequence[SupervisorCheckIn],
    expected_dates: Sequence[date],
    today: date,
    own_signals: Sequence[str],
    rules: dict[str, Any] | CompiledRules | None = None,
) -> Assessment:
    """Compare the check-ins with the candidate's own limits, signals and recent trend.
    Returns the worst level, all reasons (plain Dutch, worst rules first) and the proposed
    steps without doubles. `rules`: the rules data (as in the YAML) for tests; default: the
    YAML, compiled once."""
    if rules is None:
        cr = default_rules()
    elif isinstance(rules, CompiledRules):
        cr = rules
    else:
        cr = compile_rules(rules)

    cis = sorted((c for c in checkins if c.date <= today), key=_by_date)
    top = cr.low + cr.high
    series = []
    for q in cr.questions:
        raw = [v for v in map(attrgetter(q.key), cis) if v is not None]
        care = [top - v for v in raw] if q.inverted else raw
        series.append((q, raw, care))
    sups = [s for s in supervisor if s.date <= today]
    ctx = _Context(
        cr=cr,
        today=today,
        latest=cis[-1] if cis else None,
        series=series,
        expected=missed_dates(cis, expected_dates, today, cr.tolerance) if expected_dates else [],
        supervisor=max(sups, key=_by_date) if sups else None,
        own_signals=own_signals,
    )

    hits: list[tuple[Rule, list[str]]] = []
    for key, rule in cr.rules.items():
        reasons = _EVALUATORS[key](ctx, rule)
        if reasons:
            hits.append((rule, reasons))
    if not hits:
        return Assessment("groen", [], list(cr.green_steps))

    applied = {rule.key for rule, _ in hits}
    hits = [(r, why) for r, why in hits if not any(k in applied for k in r.dropped_if)]
    hits.sort(key=lambda h: (-h[0].rank, h[0].order))

    rank = hits[0][0].rank
    reasons: list[str] = []
    steps: list[str] = []
    contact = [r.contact_days for r, _ in hits if r.contact_days is not None]
    days = min(contact) if contact else None
    if days is not None:
        steps.append(cr.contact_one_day if days <= 1 else cr.contact_days.format(dagen=days))
    for rule, why in hits:
        for reason in why:
            if reason not in reasons:
                reasons.append(reason)
        for step in rule.steps:
            if step not in steps:
                steps.append(step)
    return Assessment(
        level=LEVELS[rank],
        reasons=reasons,
        steps=steps,
        intensify=any(r.intensify for r, _ in hits),
        rule_keys=[r.key for r, _ in hits],
        contact_within_days=days,
    )


def next_interval_days(
    base_days: int, assessment: Assessment, rules: CompiledRules | None = None
) -> int:
    """Days until the next contact: the base interval, or, when the contact should intensify,
    the interval times the factor (halved) but not below the minimum (a week). Never longer
    than the base."""
    if not assessment.intensify:
        return base_days
    cr = rules or default_rules()
    shorter = max(cr.interval_minimum, math.floor(base_days * cr.interval_factor))
    return min(base_days, shorter)


def rules_for_page(data: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The rules as plain dicts for an explanation page: name, explanation, level, parameters
    and steps in words."""
    data = data or read_rules()
    step_texts = data.get("stappen", {})
    return [
        {
            "key": item["key"],
            "naam": item["naam"],
            "uitleg": item.get("uitleg", ""),
            "niveau": item["niveau"],
            "parameters": dict(item.get("parameters") or {}),
            "contact_binnen_dagen": item.get("contact_binnen_dagen"),
            "contact_vaker": bool(item.get("contact_vaker", False)),
            "stappen": [step_texts[s] for s in item.get("stappen", []) or []],
        }
        for item in data.get("regels", [])
    ]
