"""The monitoring signal rules (werkpad.monitoring.rules.engine, data/signaalregels.yaml):
every rule pinned with an example that triggers and one just below the threshold; missed
check-ins, trends, own-signal words, combinations, green, and the contact interval. No
database."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from werkpad.monitoring.rules.engine import (
    Assessment,
    CheckIn,
    SupervisorCheckIn,
    assess,
    compile_rules,
    declines_in_a_row,
    missed_dates,
    next_interval_days,
    read_rules,
    rules_for_page,
    slope,
)

TODAY = date(2025, 3, 31)  # a Monday
STEADY = {"energie": 4, "spanning": 2, "plezier": 4, "belasting": 4}


def day(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def ci(days_ago: int = 0, opmerking: str = "", **scores) -> CheckIn:
    values = {**STEADY, **scores}
    return CheckIn(day(days_ago), opmerking=opmerking, **values)


def weekly(series: dict[str, list[int | None]]) -> list[CheckIn]:
    """Weekly check-ins, the last one today; other answers steady."""
    n = len(next(iter(series.values())))
    return [
        ci(7 * (n - 1 - k), **{key: values[k] for key, values in series.items()}) for k in range(n)
    ]


def only(*keys: str) -> dict:
    """The YAML rules data with just these rules switched on."""
    data = copy.deepcopy(read_rules())
    data["regels"] = [r for r in data["regels"] if r["key"] in keys or r["key"] == "groen"]
    return data


def run(checkins=(), supervisor=(), expected=(), own=(), rules=None) -> Assessment:
    return assess(list(checkins), list(supervisor), list(expected), TODAY, list(own), rules=rules)


# --- The rules data ----------------------------------------------------------------------------


def test_yaml_has_all_rules_with_words_levels_and_steps():
    data = read_rules()
    keys = [r["key"] for r in data["regels"]]
    assert keys == [
        "lage_score",
        "meerdere_lage_scores",
        "daling",
        "dalende_trend",
        "gemist",
        "gemist_reeks",
        "leidinggevende_signalen",
        "leidinggevende_zorg",
        "eigen_signaal",
        "groen",
    ]
    for item in rules_for_page():
        assert item["naam"] and item["uitleg"], item["key"]
        assert item["niveau"] in {"groen", "oranje", "rood"}
        if item["niveau"] != "groen":
            assert item["stappen"] and item["contact_binnen_dagen"], item["key"]
    levels = {r["key"]: r["niveau"] for r in data["regels"]}
    assert levels["meerdere_lage_scores"] == levels["gemist_reeks"] == "rood"
    assert levels["gemist"] == levels["lage_score"] == "oranje"


def test_unknown_rule_or_step_is_refused():
    data = copy.deepcopy(read_rules())
    data["regels"].append({"key": "verzonnen", "naam": "x", "niveau": "oranje"})
    with pytest.raises(ValueError, match="verzonnen"):
        compile_rules(data)
    data = only("lage_score")
    data["regels"][0]["stappen"] = ["bestaat_niet"]
    with pytest.raises(ValueError, match="bestaat_niet"):
        compile_rules(data)


def test_scores_outside_the_scale_are_refused():
    with pytest.raises(ValueError):
        CheckIn(TODAY, energie=6)
    with pytest.raises(ValueError):
        SupervisorCheckIn(TODAY, gaat_goed=0)
    CheckIn(TODAY)  # all None is fine


# --- Green -------------------------------------------------------------------------------------


def test_green_with_no_reasons():
    a = run(weekly({"energie": [4, 4, 4, 4]}), expected=[day(21), day(14), day(7), day(0)])
    assert a == Assessment("groen", [], [], False, [], None)


def test_green_without_any_data():
    assert run().level == "groen"


# --- lage_score --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("energie", 2, "Energie is laag (2 van 5)"),
        ("energie", 1, "Energie is laag (1 van 5)"),
        ("plezier", 2, "Plezier in het werk is laag (2 van 5)"),
        ("belasting", 2, "De werkdruk past slecht bij wat je aankunt (2 van 5)"),
        ("spanning", 4, "Spanning is hoog (4 van 5)"),
        ("spanning", 5, "Spanning is hoog (5 van 5)"),
    ],
)
def test_low_score_triggers(field, value, reason):
    a = run([ci(**{field: value})], rules=only("lage_score"))
    assert a.level == "oranje"
    assert a.reasons == [reason]
    assert a.steps[0] == "Neem binnen 3 dagen contact op"


@pytest.mark.parametrize(("field", "value"), [("energie", 3), ("plezier", 3), ("spanning", 3)])
def test_low_score_just_below_threshold(field, value):
    assert run([ci(**{field: value})], rules=only("lage_score")).level == "groen"


def test_low_score_looks_at_latest_check_in_and_skips_unanswered():
    assert run([ci(7, energie=1), ci(0, energie=4)], rules=only("lage_score")).level == "groen"
    assert run([ci(0, energie=None, plezier=None)], rules=only("lage_score")).level == "groen"


# --- meerdere_lage_scores ----------------------------------------------------------------------


def test_several_low_answers_is_red():
    a = run([ci(energie=2, spanning=4, plezier=1)], rules=only("meerdere_lage_scores"))
    assert a.level == "rood"
    assert a.reasons == [
        "Drie antwoorden tegelijk zorgelijk: energie, spanning en plezier in het werk"
    ]
    assert a.steps[0] == "Neem binnen 1 dag contact op"
    assert "Plan een driegesprek met de kandidaat, de leidinggevende en de jobcoach" in a.steps


def test_two_low_answers_are_not_yet_red():
    assert run([ci(energie=2, spanning=4)], rules=only("meerdere_lage_scores")).level == "groen"
    a = run([ci(energie=2, spanning=4)], rules=only("lage_score", "meerdere_lage_scores"))
    assert a.level == "oranje"
    assert a.reasons == ["Energie is laag (2 van 5)", "Spanning is hoog (4 van 5)"]


# --- daling ------------------------------------------------------------------------------------


def test_drop_against_own_average_triggers():
    a = run(weekly({"energie": [4, 5, 4, 5, 3 - 0]}), rules=only("daling"))
    # average of the four before is 4,5; 3 is 1,5 lower: not enough
    assert a.level == "groen"
    a = run(weekly({"energie": [4, 5, 4, 5, 2]}), rules=only("daling"))
    assert a.level == "oranje"
    assert a.reasons == ["Energie is 2,5 punten lager dan je eigen gemiddelde (2, meestal 4,5)"]


def test_drop_just_below_threshold_and_exactly_on_it():
    assert run(weekly({"plezier": [4, 4, 4, 3]}), rules=only("daling")).level == "groen"
    a = run(weekly({"plezier": [4, 4, 4, 2]}), rules=only("daling"))
    assert a.reasons == [
        "Plezier in het werk is 2 punten lager dan je eigen gemiddelde (2, meestal 4)"
    ]


def test_drop_in_tension_means_higher_tension():
    a = run(weekly({"spanning": [1, 2, 1, 2, 4]}), rules=only("daling"))
    assert a.reasons == ["Spanning is 2,5 punten hoger dan je eigen gemiddelde (4, meestal 1,5)"]


def test_drop_needs_enough_history_and_uses_only_the_window():
    # only one earlier check-in: no comparison yet
    assert run(weekly({"energie": [5, 2]}), rules=only("daling")).level == "groen"
    # the old high scores fall outside the window of 4
    a = run(weekly({"energie": [5, 5, 5, 3, 3, 3, 3, 2]}), rules=only("daling"))
    assert a.level == "groen"


# --- dalende_trend -----------------------------------------------------------------------------


def test_three_declines_in_a_row_is_a_trend_and_intensifies():
    a = run(weekly({"plezier": [5, 4, 3, 2]}), rules=only("dalende_trend"))
    assert a.level == "oranje"
    assert a.reasons == ["Al drie keer achter elkaar minder plezier in het werk"]
    assert a.intensify is True
    assert "Plan een driegesprek met de kandidaat, de leidinggevende en de jobcoach" in a.steps


def test_two_declines_in_a_row_are_not_yet_a_trend():
    a = run(weekly({"plezier": [4, 5, 4, 3]}), rules=only("dalende_trend"))
    assert a.level == "groen"
    assert a.intensify is False


def test_rising_tension_is_a_downward_trend():
    a = run(weekly({"spanning": [1, 2, 3, 4]}), rules=only("dalende_trend"))
    assert a.reasons == ["Al drie keer achter elkaar meer spanning"]


def test_sustained_slope_down_with_a_pause_is_a_trend():
    # 5 4 4 3 2: no three declines in a row, but the line goes down 0,7 per check-in
    a = run(weekly({"energie": [5, 4, 4, 3, 2]}), rules=only("dalende_trend"))
    assert a.reasons == ["Energie daalt over de laatste vijf check-ins (van 5 naar 2)"]
    assert a.intensify


def test_noisy_but_stable_is_no_trend():
    for values in ([3, 4, 3, 4, 3], [4, 3, 4, 3, 4, 3], [4, 4, 3, 4, 3]):
        a = run(weekly({"energie": values}), rules=only("dalende_trend"))
        assert a.level == "groen", values


def test_one_sudden_fall_is_a_drop_not_a_trend():
    # slope -0,6, but only one step down: the 'daling' rule covers this
    assert slope([4, 4, 4, 2]) == pytest.approx(-0.6)
    assert run(weekly({"energie": [4, 4, 4, 2]}), rules=only("dalende_trend")).level == "groen"


def test_slope_just_below_threshold():
    # 5 4 4 4 3: slope -0,4 per check-in, two declines in a row at most
    assert slope([5, 4, 4, 4, 3]) == pytest.approx(-0.4)
    assert run(weekly({"energie": [5, 4, 4, 4, 3]}), rules=only("dalende_trend")).level == "groen"


def test_trend_helpers():
    assert declines_in_a_row([5, 4, 3, 2]) == 3
    assert declines_in_a_row([5, 4, 4, 3]) == 1
    assert declines_in_a_row([3]) == 0
    assert slope([1, 2, 3]) == pytest.approx(1.0)
    assert slope([3, 3]) == 0.0


# --- gemist / gemist_reeks ---------------------------------------------------------------------

EXPECTED = [day(21), day(14), day(7), day(0)]
MISSED = ("gemist", "gemist_reeks")


def test_no_missed_check_ins():
    a = run([ci(21), ci(14), ci(7), ci(0)], expected=EXPECTED, rules=only(*MISSED))
    assert a.level == "groen"


def test_one_missed_check_in_is_orange():
    a = run([ci(21), ci(7), ci(0)], expected=EXPECTED, rules=only(*MISSED))
    assert a.level == "oranje"
    assert a.reasons == ["Een check-in gemist (17 maart)"]
    assert a.steps[0] == "Neem binnen 3 dagen contact op"


def test_two_missed_in_a_row_is_red():
    a = run([ci(21), ci(0)], expected=EXPECTED, rules=only(*MISSED))
    assert a.level == "rood"
    assert a.reasons == ["Twee check-ins achter elkaar gemist"]
    assert a.rule_keys == ["gemist_reeks"]  # the orange rule gives way
    assert a.steps[0] == "Neem binnen 1 dag contact op"


def test_three_missed_in_a_row_with_nothing_at_all():
    a = run([], expected=[day(21), day(14), day(7)], rules=only(*MISSED))
    assert a.reasons == ["Drie check-ins achter elkaar gemist"]


def test_two_missed_not_in_a_row_stays_orange():
    a = run([ci(14), ci(0)], expected=EXPECTED, rules=only(*MISSED))
    assert a.level == "oranje"
    assert a.reasons == ["Twee check-ins gemist"]


def test_check_in_within_tolerance_counts():
    # two days late or early still counts for the planned date
    a = run([ci(19), ci(16), ci(5), ci(0)], expected=EXPECTED, rules=only(*MISSED))
    assert a.level == "groen"


def test_check_in_just_outside_tolerance_does_not_count():
    a = run([ci(21), ci(11), ci(7), ci(0)], expected=EXPECTED, rules=only(*MISSED))
    assert a.reasons == ["Een check-in gemist (17 maart)"]


def test_planned_date_not_missed_until_tolerance_has_passed():
    # planned 2 days ago, tolerance 2: still open; planned 3 days ago: missed
    assert run([ci(10)], expected=[day(9), day(2)], rules=only(*MISSED)).level == "groen"
    assert run([ci(10)], expected=[day(9), day(3)], rules=only(*MISSED)).level == "oranje"


def test_one_check_in_covers_only_one_planned_date():
    result = missed_dates([ci(5)], [day(7), day(4)], TODAY, timedelta(days=2))
    assert result == [(day(7), False), (day(4), True)]


def test_old_misses_outside_the_window_do_not_count():
    planned = [day(7 * k) for k in range(7, -1, -1)]
    checkins = [ci(7 * k) for k in range(4, -1, -1)]  # the first three were missed
    assert run(checkins, expected=planned, rules=only(*MISSED)).level == "groen"


# --- Supervisor --------------------------------------------------------------------------------


def test_supervisor_signals_noticed():
    rules = only("leidinggevende_signalen")
    a = run(
        supervisor=[SupervisorCheckIn(day(2), 4, True, "Is stil en slaat pauzes over")], rules=rules
    )
    assert a.level == "oranje"
    assert a.reasons == ["De leidinggevende ziet signalen: Is stil en slaat pauzes over"]
    a = run(supervisor=[SupervisorCheckIn(day(2), 4, True)], rules=rules)
    assert a.reasons == ["De leidinggevende ziet signalen"]
    assert run(supervisor=[SupervisorCheckIn(day(2), 4, False)], rules=rules).level == "groen"


def test_supervisor_latest_counts_and_old_reports_expire():
    rules = only("leidinggevende_signalen")
    older_bad = [SupervisorCheckIn(day(20), 4, True), SupervisorCheckIn(day(6), 4, False)]
    assert run(supervisor=older_bad, rules=rules).level == "groen"
    assert run(supervisor=[SupervisorCheckIn(day(28), 4, True)], rules=rules).level == "oranje"
    assert run(supervisor=[SupervisorCheckIn(day(29), 4, True)], rules=rules).level == "groen"


def test_supervisor_says_work_goes_less_well():
    rules = only("leidinggevende_zorg")
    a = run(supervisor=[SupervisorCheckIn(day(1), 2, False)], rules=rules)
    assert a.reasons == ["Volgens de leidinggevende gaat het werk minder goed (2 van 5)"]
    assert run(supervisor=[SupervisorCheckIn(day(1), 3, False)], rules=rules).level == "groen"


# --- eigen_signaal -----------------------------------------------------------------------------

OWN = ["slecht slapen", "Stil worden", "pauzes overslaan"]


def test_own_signal_word_case_insensitive():
    a = run([ci(opmerking="Ik ga weer SLECHT slapen.")], own=OWN, rules=only("eigen_signaal"))
    assert a.level == "oranje"
    assert a.reasons == ["Signaal uit je eigen lijst genoemd: 'slecht slapen'"]


def test_own_signal_needs_the_whole_phrase():
    rules = only("eigen_signaal")
    assert run([ci(opmerking="Ik slaap slecht.")], own=OWN, rules=rules).level == "groen"
    assert run([ci(opmerking="Ik ben slecht, slapen lukt")], own=OWN, rules=rules).level == "oranje"
    # a phrase inside a longer word is not the phrase
    assert run([ci(opmerking="Stil wordtje")], own=["stil word"], rules=rules).level == "groen"


def test_own_signals_several_and_only_latest_remark():
    rules = only("eigen_signaal")
    a = run([ci(opmerking="stil worden en pauzes  overslaan, slecht slapen")], own=OWN, rules=rules)
    assert len(a.reasons) == 3
    assert run([ci(7, opmerking="slecht slapen"), ci(0)], own=OWN, rules=rules).level == "groen"
    assert run([ci(opmerking="slecht slapen")], own=[], rules=rules).level == "groen"
    assert run([ci(opmerking="slecht slapen")], own=["", "  "], rules=rules).level == "groen"


# --- Combinations ------------------------------------------------------------------------------


def test_combination_gives_worst_level_all_reasons_and_unique_steps():
    checkins = [ci(21, plezier=5), ci(14, plezier=4), ci(7, plezier=3)]
    checkins.append(ci(0, energie=2, spanning=4, plezier=2, opmerking="Ik ga slecht slapen"))
    supervisor = [SupervisorCheckIn(day(1), 3, True, "")]
    planned = [day(28), day(21), day(14), day(7), day(0)]  # day 28 missed
    a = run(checkins, supervisor, planned, OWN)
    assert a.level == "rood"
    assert a.rule_keys == [
        "meerdere_lage_scores",
        "lage_score",
        "daling",
        "dalende_trend",
        "gemist",
        "leidinggevende_signalen",
        "eigen_signaal",
    ]
    assert a.reasons == [
        "Drie antwoorden tegelijk zorgelijk: energie, spanning en plezier in het werk",
        "Energie is laag (2 van 5)",
        "Spanning is hoog (4 van 5)",
        "Plezier in het werk is laag (2 van 5)",
        "Energie is 2 punten lager dan je eigen gemiddelde (2, meestal 4)",
        "Spanning is 2 punten hoger dan je eigen gemiddelde (4, meestal 2)",
        "Plezier in het werk is 2 punten lager dan je eigen gemiddelde (2, meestal 4)",
        "Al drie keer achter elkaar minder plezier in het werk",
        "Een check-in gemist (3 maart)",
        "De leidinggevende ziet signalen",
        "Signaal uit je eigen lijst genoemd: 'slecht slapen'",
    ]
    assert a.steps[0] == "Neem binnen 1 dag contact op"
    assert len(a.steps) == len(set(a.steps))
    assert sum("driegesprek" in s for s in a.steps) == 1
    assert a.intensify
    assert a.contact_within_days == 1


def test_orange_rules_together_stay_orange():
    a = run([ci(energie=2, opmerking="slecht slapen")], own=OWN)
    assert a.level == "oranje"
    assert a.reasons == [
        "Energie is laag (2 van 5)",
        "Signaal uit je eigen lijst genoemd: 'slecht slapen'",
    ]
    assert not a.intensify


def test_unsorted_and_future_check_ins():
    checkins = [ci(0, plezier=2), ci(21, plezier=5), ci(7, plezier=3), ci(14, plezier=4)]
    checkins.append(CheckIn(TODAY + timedelta(days=3), plezier=5))
    a = run(checkins, rules=only("dalende_trend"))
    assert a.reasons == ["Al drie keer achter elkaar minder plezier in het werk"]


# --- Contact interval --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "intensify", "expected"),
    [(14, False, 14), (28, False, 28), (14, True, 7), (28, True, 14), (7, True, 7), (10, True, 7)],
)
def test_next_interval(base, intensify, expected):
    a = Assessment("oranje", [], [], intensify)
    assert next_interval_days(base, a) == expected


def test_trend_halves_the_interval_end_to_end():
    a = run(weekly({"energie": [5, 4, 3, 2]}))
    assert next_interval_days(14, a) == 7
    assert next_interval_days(14, run(weekly({"energie": [4, 4, 4, 4]}))) == 14
