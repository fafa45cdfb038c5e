"""Development steps (notes 13, 29, 42, 43): the candidate sets a goal with the supervisor,
in small steps and with clear expectations; and the build-up of hours that goes on in phase
d. The rules for a step and its writes live here; the forms and views only call them. The
placement page shows all of it through `panel.plaatsing_panel`, at a constant number of
queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.placements.models import OpbouwStap, Plaatsing
from werkpad.text import date_text

from ..models import Ontwikkelstap, save_changes

Status = Ontwikkelstap.Status

# the statuses a button on the placement page sets; "bijgesteld" needs a few words of
# explanation, so it goes through the edit page
QUICK_STATUSES = {Status.GEPLAND, Status.BEZIG, Status.GEHAALD}
# a small step is done when its line starts with one of these marks
DONE_MARKS = ("✓", "✔", "[x]", "x ", "X ")
DONE_MARK = "✓ "
# the guidance notes behind this part (their texts are on the route pages)
HANDREIKINGEN = (13, 29, 42, 43)


# --- small steps --------------------------------------------------------------------------


@dataclass(frozen=True)
class KleineStap:
    tekst: str
    gedaan: bool


def kleine_stappen(tekst: str) -> list[KleineStap]:
    """The small steps, one per non-empty line; a line starting with ✓ or x is done."""
    steps = []
    for line in tekst.splitlines():
        line = line.strip()
        if not line:
            continue
        done = line.startswith(DONE_MARKS)
        if done:
            for mark in DONE_MARKS:
                if line.startswith(mark):
                    line = line[len(mark) :].strip()
                    break
        if line:
            steps.append(KleineStap(line, done))
    return steps


def volgende_kleine_stap(tekst: str) -> str | None:
    return next((s.tekst for s in kleine_stappen(tekst) if not s.gedaan), None)


def tick_small_step(stap: Ontwikkelstap) -> bool:
    """Mark the next small step as done (a ✓ before its line). False when none is left.
    A planned step is then under way."""
    lines = stap.kleine_stappen.splitlines()
    for i, line in enumerate(lines):
        text = line.strip()
        if text and not text.startswith(DONE_MARKS):
            lines[i] = DONE_MARK + text
            stap.kleine_stappen = "\n".join(lines)
            if stap.status == Status.GEPLAND:
                stap.status = Status.BEZIG
            return True
    return False


# --- the rules ----------------------------------------------------------------------------


def step_errors(stap: Ontwikkelstap, plaatsing: Plaatsing) -> dict[str, str]:
    """What is wrong with a development step, per field (empty: nothing)."""
    errors: dict[str, str] = {}
    if not (stap.doel or "").strip():
        errors["doel"] = _("Schrijf op wat je wilt leren of bereiken. Eén zin is genoeg.")
    if stap.streefdatum and stap.streefdatum < plaatsing.start_date:
        errors["streefdatum"] = _(
            "De streefdatum ligt vóór de start van de plaatsing (%(date)s). Kies die dag of "
            "een latere datum."
        ) % {"date": date_text(plaatsing.start_date)}
    if stap.status == Status.BIJGESTELD and not (stap.toelichting or "").strip():
        errors["toelichting"] = _("Schrijf kort op wat er is bijgesteld en waarom.")
    return errors


def save_step(stap: Ontwikkelstap, by, changes: dict) -> Ontwikkelstap:
    """Save a new or edited step (`changes`: the cleaned `OntwikkelstapForm`)."""
    return save_changes(stap, by, changes)


def set_status(stap: Ontwikkelstap, status: str, by) -> str:
    """The quick status change from the placement page. Returns an error message (empty:
    done and saved)."""
    if status not in QUICK_STATUSES:
        return _("Kies gepland, mee bezig of gehaald. Bijstellen gaat via 'Bijstellen'.")
    if status != stap.status:
        stap.status = status
        stap.updated_by = by
        stap.save(update_fields=["status", "updated_by", "updated_at"])
    return ""


def mark_small_step(stap: Ontwikkelstap, by) -> str:
    """Tick off the next small step. Returns an error message (empty: saved)."""
    if not tick_small_step(stap):
        return _("Er staat geen kleine stap meer open. Voeg er een toe via 'Bewerken'.")
    stap.updated_by = by
    stap.save(update_fields=["kleine_stappen", "status", "updated_by", "updated_at"])
    return ""


# --- for display --------------------------------------------------------------------------


@dataclass
class StapWeergave:
    """One development step as the page shows it."""

    stap: Ontwikkelstap
    stappen: list[KleineStap] = field(default_factory=list)
    volgende: str | None = None
    verlopen: bool = False

    @property
    def alle_gedaan(self) -> bool:
        return bool(self.stappen) and self.volgende is None


def weergave(stap: Ontwikkelstap, today: datetime.date | None = None) -> StapWeergave:
    today = today or timezone.localdate()
    stappen = kleine_stappen(stap.kleine_stappen)
    return StapWeergave(
        stap=stap,
        stappen=stappen,
        volgende=next((s.tekst for s in stappen if not s.gedaan), None),
        verlopen=bool(
            stap.streefdatum and stap.streefdatum < today and stap.status != Status.GEHAALD
        ),
    )


@dataclass
class Opbouw:
    """Where the build-up of hours stands: the step in force this week and the next one."""

    huidige: OpbouwStap | None
    volgende: OpbouwStap | None
    doel_bereikt: bool


def opbouw(steps: list[OpbouwStap], doel, today: datetime.date) -> Opbouw:
    """`steps` sorted by week; the step in force is the last one that has begun."""
    huidige = None
    volgende = None
    for step in steps:
        if step.week_start <= today:
            huidige = step
        elif volgende is None:
            volgende = step
    reached = huidige is not None and huidige.planned_hours >= doel
    return Opbouw(huidige=huidige, volgende=volgende, doel_bereikt=reached)
