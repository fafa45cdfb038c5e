"""The candidates and their trajects (trajects.yaml), built through the traject's own
methods (`Traject.open`, `add_betrokkene`, `move_to`, `close`, `record_change`,
`Afspraak.record`) in the order things happened, then backdated so that the timeline looks
like a year of real work. A move marked `placement: true` is made by starting the placement
(`Plaatsing.create_from_match`, through `start_placement`)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from werkpad.accounts.models import User
from werkpad.route.models import Party, Phase
from werkpad.trajects.models import (
    Afspraak,
    Betrokkene,
    Gebeurtenis,
    JournaalNotitie,
    Kandidaat,
    PhaseTransition,
    Traject,
    TrajectMilestone,
)

from .clock import Clock

Status = TrajectMilestone.Status
# starts the candidate's placement at a moment; returns nothing, the traject is then in c
StartPlacement = Callable[[Traject, datetime.datetime], None]


def _stamp(at: datetime.datetime, **event) -> None:
    """Backdate the timeline event(s) a domain method just made."""
    Gebeurtenis.objects.filter(**event).update(at=at)


class TrajectBuilder:
    """Builds one candidate's traject at a time; `rng` is seeded per candidate, so a story
    comes out the same on every load."""

    def __init__(self, users: dict[str, User], clock: Clock, start_placement: StartPlacement):
        self.users = users
        self.clock = clock
        self.start_placement = start_placement

    def build(self, story: dict) -> Traject:
        rng = random.Random(f"werkpad-demo-{story['key']}")
        coach = self.users[story["coach"]]
        account = self.users[story["login"]] if story.get("login") else None
        start = story["started_days_ago"]
        started = self.clock.moment(start, rng)
        self.floor = started

        kandidaat = Kandidaat.objects.create(
            first_name=story["first_name"],
            last_name=story["last_name"],
            email=account.email if account else "",
            phone=story.get("phone", ""),
            date_of_birth=story["born"],
            city=story["city"],
            user=account,
            created_by=coach,
        )
        Kandidaat.objects.filter(pk=kandidaat.pk).update(created_at=started)

        traject = Traject.open(
            kandidaat,
            coach=coach,
            method=story["method"],
            referral=story["referral"],
            referral_note=story["referral_note"],
            started_on=started.date(),
        )
        Traject.objects.filter(pk=traject.pk).update(created_at=started, phase_since=started)
        traject.transitions.update(at=started)
        traject.betrokkenen.update(added_at=started)
        traject.gebeurtenissen.update(at=started)
        traject.phase_since = started
        added = {b.pk: start for b in traject.betrokkenen.all()}

        # parties and phase moves, in the order they happened (parties first on a day)
        steps = [(p["days_ago"], 0, p) for p in story["parties"]]
        steps += [(m["days_ago"], 1, m) for m in story.get("moves", [])]
        visits = [(Phase.VOORTRAJECT, start)]
        for day, _order, step in sorted(steps, key=lambda s: (-s[0], s[1])):
            at = self.moment(day, rng)
            if "party" in step:
                betrokkene = self._add_party(traject, coach, step)
                Betrokkene.objects.filter(pk=betrokkene.pk).update(added_at=at)
                _stamp(at, betrokkene=betrokkene)
                added[betrokkene.pk] = day
            else:
                self._move(traject, coach, step, at, added, day)
                visits.append((step["phase"], day))

        self._milestones(traject, story, coach, rng, visits, added)
        notes = self._notes(traject, story, coach, rng)
        self._agreements(traject, story, coach, rng, notes)

        if close := story.get("close"):
            at = self.moment(close["days_ago"], rng)
            transition = traject.close(close["outcome"], by=coach, reason=close["reason"])
            PhaseTransition.objects.filter(pk=transition.pk).update(at=at)
            Traject.objects.filter(pk=traject.pk).update(closed_at=at)
            _stamp(at, transition=transition)
        return traject

    def moment(self, days_ago: int, rng: random.Random) -> datetime.datetime:
        return self.clock.moment(days_ago, rng, floor=self.floor)

    def _add_party(self, traject: Traject, coach: User, step: dict) -> Betrokkene:
        if "contact" in step:
            return traject.add_betrokkene(party=step["party"], by=coach, **step["contact"])
        return traject.add_betrokkene(party=step["party"], by=coach, user=self.users[step["login"]])

    def _move(self, traject, coach, step: dict, at, added: dict, day: int) -> None:
        """One phase move, backdated; a placement's move brings the employer's people as
        betrokkenen too, backdated with it."""
        last_transition = traject.transitions.order_by("-pk").values_list("pk", flat=True)[0]
        last_betrokkene = traject.betrokkenen.order_by("-pk").values_list("pk", flat=True)[0]
        if step.get("placement"):
            self.start_placement(traject, at)
        else:
            traject.move_to(step["phase"], by=coach, reason=step.get("reason", ""))
        new_transitions = traject.transitions.filter(pk__gt=last_transition)
        new_betrokkenen = traject.betrokkenen.filter(pk__gt=last_betrokkene)
        for betrokkene in new_betrokkenen:
            added[betrokkene.pk] = day
            _stamp(at, betrokkene=betrokkene)
        new_betrokkenen.update(added_at=at)
        for transition in new_transitions:
            _stamp(at, transition=transition)
        new_transitions.update(at=at)
        Traject.objects.filter(pk=traject.pk).update(phase_since=at)
        traject.phase_since = at

    # -- milestones ----------------------------------------------------------------------

    def _milestones(self, traject, story: dict, coach, rng, visits, added) -> None:
        """Phases done: mostly klaar. The current phase: a mix of klaar, bezig and open, some
        with a due date. Phases not reached yet stay open. Fixed states from the story win."""
        fixed_states = story.get("milestones", {})
        closing_day = story["close"]["days_ago"] if story.get("close") else None
        start = story["started_days_ago"]
        windows: dict[str, tuple[int, int]] = {}  # phase -> (first entered, last left)
        for index, (phase, entered) in enumerate(visits):
            left = visits[index + 1][1] if index + 1 < len(visits) else (closing_day or 0)
            first = windows.get(phase, (entered, left))[0]
            windows[phase] = (first, left)

        milestones = traject.milestones.select_related("route_milestone", "owner__user")
        for m in milestones.order_by("route_milestone__position"):
            rm = m.route_milestone
            fixed = fixed_states.get(rm.key)
            if rm.phase not in windows:
                if fixed is None:
                    continue
            elif fixed is None:
                done_phase = rm.phase != traject.phase or closing_day is not None
                fixed = _pick(rng, done_phase)
            if (
                fixed["status"] == Status.OPEN
                and "due_in_days" not in fixed
                and not fixed.get("note")
            ):
                continue

            entered, left = windows.get(rm.phase, (start, 0))
            entered = min(entered, added.get(m.owner_id, start))
            left = max(left, 1)
            day = rng.randint(left, entered) if entered > left else max(entered, 0)
            at = self.moment(day, rng)
            actor = coach
            if m.owner and m.owner.user_id and m.owner.party != Party.KANDIDAAT:
                actor = m.owner.user

            old_status = m.status
            m.status = fixed["status"]
            m.nvt_reason = fixed.get("nvt_reason", "")
            m.note = fixed.get("note", "")
            if "due_in_days" in fixed:
                m.due_date = self.clock.due(fixed["due_in_days"])
            m.updated_by = actor
            m.full_clean()
            m.save()
            m.record_change(actor, old_status)
            TrajectMilestone.objects.filter(pk=m.pk).update(updated_at=at)
            if old_status != m.status:
                _stamp(at, milestone=m)

    # -- journal and agreements ----------------------------------------------------------

    def _notes(self, traject, story: dict, coach, rng) -> dict[int, JournaalNotitie]:
        by_day = {}
        for item in sorted(story["notes"], key=lambda n: -n["days_ago"]):
            at = self.moment(item["days_ago"], rng)
            note = JournaalNotitie(
                traject=traject,
                date=at.date(),
                kind=item["kind"],
                participants=item["participants"],
                text=item["text"],
                author=coach,
            )
            note.save()
            JournaalNotitie.objects.filter(pk=note.pk).update(created_at=at)
            _stamp(at, notitie=note)
            by_day[item["days_ago"]] = note
        return by_day

    def _agreements(self, traject, story: dict, coach, rng, notes) -> None:
        parties: dict[str, Betrokkene] = {}
        for b in traject.betrokkenen.order_by("pk"):
            parties.setdefault(b.party, b)
        milestones = {
            m.route_milestone.key: m for m in traject.milestones.select_related("route_milestone")
        }
        for item in story.get("agreements", []):
            if item["who"] not in parties:
                raise ValueError(
                    f"trajects.yaml: {story['key']}: agreement {item['what']!r} is for party "
                    f"{item['who']!r}, who is not a betrokkene of this traject"
                )
            at = self.moment(item["made_days_ago"], rng)
            afspraak = Afspraak.objects.create(
                traject=traject,
                what=item["what"],
                who=parties[item["who"]],
                due_date=self.clock.due(item["due_in_days"]),
                milestone=milestones.get(item.get("milestone", "")),
                notitie=notes.get(item["made_days_ago"]),
                created_by=coach,
            )
            afspraak.record(coach, created=True)
            Afspraak.objects.filter(pk=afspraak.pk).update(created_at=at)
            _stamp(at, afspraak=afspraak, status="")
            status = item.get("status", Afspraak.Status.OPEN)
            if status != Afspraak.Status.OPEN:
                afspraak.status = status
                afspraak.save(update_fields=["status"])
                afspraak.record(coach, created=False)
                done = self.moment(item.get("status_days_ago", item["made_days_ago"]), rng)
                _stamp(done, afspraak=afspraak, status=status)


def _pick(rng: random.Random, done_phase: bool) -> dict:
    r = rng.random()
    if done_phase:
        if r < 0.85:
            return {"status": Status.KLAAR}
        return {"status": Status.BEZIG if r < 0.93 else Status.OPEN}
    if r < 0.3:
        return {"status": Status.KLAAR}
    state = {"status": Status.BEZIG if r < 0.6 else Status.OPEN}
    if rng.random() < 0.5:
        state["due_in_days"] = rng.randint(-15, 40)
    return state
