"""The route's rules for moving a traject between phases."""

import pytest

from werkpad.route.models import Phase
from werkpad.trajects.models import PhaseMoveError, Traject

pytestmark = pytest.mark.django_db


def moved(traject, *phases):
    for phase in phases:
        traject.move_to(phase, traject.created_by, reason="reden")
    return traject


def test_forward_one_step_at_a_time(traject, coach):
    traject.move_to(Phase.MATCHING, coach)
    traject.move_to(Phase.PLAATSING, coach)
    traject.move_to(Phase.DUURZAAM, coach)
    assert traject.phase == "d"
    assert list(traject.transitions.values_list("to_phase", flat=True)) == ["d", "c", "b", "a"]


def test_skipping_a_phase_is_refused_in_dutch(traject, coach):
    with pytest.raises(PhaseMoveError) as error:
        traject.move_to(Phase.PLAATSING, coach)
    assert "Van Voortraject naar Plaatsing kan niet" in error.value.messages[0]
    traject.refresh_from_db()
    assert traject.phase == "a"


def test_backwards_needs_a_reason(traject, coach):
    moved(traject, "b", "c")
    with pytest.raises(PhaseMoveError) as error:
        traject.move_to(Phase.MATCHING, coach, reason="  ")
    assert error.value.message_dict == {"reason": ["Geef een reden voor deze stap."]}
    traject.move_to(Phase.MATCHING, coach, reason="Werkgever trok het aanbod in")
    assert traject.transitions.first().reason == "Werkgever trok het aanbod in"


@pytest.mark.parametrize("start", [["b", "c"], ["b", "c", "d"]])
def test_uitval_from_plaatsing_or_duurzaam_and_back(traject, coach, start):
    moved(traject, *start)
    traject.move_to(Phase.UITVAL, coach, reason="Terugval, ziek gemeld")
    assert traject.phase == "e"
    assert traject.allowed_moves() == ["c", "d"]
    traject.move_to(Phase.DUURZAAM, coach, reason="Weer aan het werk, 12 uur")
    assert traject.phase == "d"


@pytest.mark.parametrize("start", [[], ["b"]])
def test_no_uitval_before_placement(traject, coach, start):
    moved(traject, *start)
    with pytest.raises(PhaseMoveError):
        traject.move_to(Phase.UITVAL, coach, reason="x")


def test_from_uitval_only_back_to_c_or_d(traject, coach):
    moved(traject, "b", "c", "e")
    for target in ("a", "b"):
        with pytest.raises(PhaseMoveError):
            traject.move_to(target, coach, reason="x")


def test_unknown_or_same_phase_refused(traject, coach):
    with pytest.raises(PhaseMoveError):
        traject.move_to("z", coach, reason="x")
    with pytest.raises(PhaseMoveError):
        traject.move_to("a", coach, reason="x")


def test_closing_with_outcome_and_reason(traject, coach):
    moved(traject, "b", "c", "e")
    with pytest.raises(PhaseMoveError):
        traject.close(Traject.Outcome.GESTOPT, coach, reason="")
    traject.close(Traject.Outcome.GESTOPT, coach, reason="Wil eerst herstellen")
    assert traject.is_closed and traject.outcome == "gestopt"
    assert traject.allowed_moves() == []
    with pytest.raises(PhaseMoveError):
        traject.move_to("c", coach, reason="x")
    with pytest.raises(PhaseMoveError):
        traject.close(Traject.Outcome.OVERIG, coach, reason="nog eens")


def test_every_move_is_on_the_timeline_with_who_and_why(traject, coach):
    moved(traject, "b", "a")
    events = list(traject.gebeurtenissen.filter(kind="fase"))
    assert [(e.transition.from_phase, e.transition.to_phase) for e in events] == [
        ("b", "a"),
        ("a", "b"),
    ]
    assert events[0].actor == coach and events[0].transition.reason == "reden"
