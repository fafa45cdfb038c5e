"""The matching engine (werkpad.matching.engine) on hand-made profiles, the profiles built from
the database (werkpad.matching.profiles), and the synthetic data generator."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import KandidaatFactory, OrganisationFactory
from werkpad.accounts.models import Organisation
from werkpad.employers.models import Functie, Locatie, Taak, Werkgever
from werkpad.instruments.models import InstrumentVersie
from werkpad.matching import profiles
from werkpad.matching.engine import (
    AREAS,
    NEUTRAL,
    WEIGHTS,
    CandidateIndex,
    CandidateProfile,
    JobIndex,
    JobProfile,
    reasons,
    words,
)
from werkpad.matching.models import Matchprofiel
from werkpad.trajects.models import Kandidaat


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def candidate(**kwargs) -> CandidateProfile:
    values = {
        "key": 1,
        "name": "Sanne",
        "wish_words": words("Buiten werken met planten, groen"),
        "capacities": {"klantcontact": 2, "fysieke_belasting": 4},
        "hours_start": 12,
        "hours_goal": 20,
        "days": frozenset({"ma", "di", "do"}),
        "travel_area": frozenset({"utrecht", "3701"}),
    }
    values.update(kwargs)
    return CandidateProfile(**values)


def job(key: int = 1, **kwargs) -> JobProfile:
    values = {
        "key": key,
        "title": "Medewerker",
        "employer": "Werkgever",
        "words": frozenset({"magazijn", "logistiek"}),
        "demands": {"klantcontact": 1, "fysieke_belasting": 3},
        "hours": 16.0,
        "days": frozenset({"ma", "di"}),
        "place": "utrecht",
        "postcode4": "3511",
    }
    values.update(kwargs)
    return JobProfile(**values)


def score_for(c: CandidateProfile, j: JobProfile) -> int:
    return JobIndex([j]).rank(c)[0].score


def texts(c: CandidateProfile, j: JobProfile) -> list[str]:
    return [text for _fits, text in reasons(c, j)]


# --- wishes first ---------------------------------------------------------------------------


def test_weights_put_wishes_first_and_add_up_to_one():
    assert max(WEIGHTS, key=WEIGHTS.get) == "wens"
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_job_matching_the_wish_ranks_above_better_fitting_job_without():
    c = candidate()
    wished = job(1, words=frozenset({"groen", "kwekerij"}), demands={"klantcontact": 3})
    fits_better = job(2, words=frozenset({"magazijn"}), demands={"klantcontact": 1})
    assert score_for(c, fits_better) > 0  # it fits on every other criterion
    assert texts(c, wished).count("vraagt meer klantcontact dan je aangeeft") == 1
    assert not any("klantcontact" in t for t in texts(c, fits_better))

    assert [s.key for s in JobIndex([fits_better, wished]).rank(c)] == [1, 2]
    by_candidate = CandidateIndex([c])
    assert by_candidate.rank(wished)[0].score > by_candidate.rank(fits_better)[0].score


def test_wish_reason_comes_first_and_names_the_common_words():
    c = candidate()
    first = reasons(c, job(words=frozenset({"groen", "planten", "kwekerij"})))[0]
    assert first == (True, "past bij wens: groen, planten")
    assert reasons(c, job())[0] == (False, "sluit niet duidelijk aan bij de wensen")
    assert reasons(candidate(wish_words=frozenset()), job())[0] == (
        False,
        "wensen nog niet ingevuld",
    )


def test_no_wishes_filled_in_counts_as_neutral_not_as_a_mismatch():
    j = job()
    without = score_for(candidate(wish_words=frozenset()), j)
    mismatch = score_for(candidate(wish_words=frozenset({"zorg"})), j)
    match = score_for(candidate(wish_words=frozenset({"logistiek"})), j)
    assert mismatch < without < match
    assert without - mismatch == round(100 * WEIGHTS["wens"] * NEUTRAL)


# --- capacities -----------------------------------------------------------------------------


def test_capacity_shortfall_lowers_score_and_says_so():
    c = candidate(capacities={"klantcontact": 2})
    fits = job(demands={"klantcontact": 2})
    short = job(demands={"klantcontact": 3})
    far_short = job(demands={"klantcontact": 4})
    assert score_for(c, fits) > score_for(c, short) > score_for(c, far_short)
    assert (False, "vraagt meer klantcontact dan je aangeeft") in reasons(c, short)
    assert not any("klantcontact" in t for t in texts(c, fits))


def test_heavy_demand_that_fits_is_named():
    c = candidate(capacities={"fysieke_belasting": 4})
    assert (True, "Fysieke belasting past") in reasons(c, job(demands={"fysieke_belasting": 3}))


def test_unknown_capacity_is_not_yet_filled_in_and_neutral():
    c = candidate(capacities={})
    asks = job(demands={"klantcontact": 4})
    assert (False, "Klantcontact: nog niet ingevuld") in reasons(c, asks)

    asks_nothing = job(demands={})
    fits = score_for(candidate(capacities={"klantcontact": 4}), asks)
    short = score_for(candidate(capacities={"klantcontact": 1}), asks)
    unknown = score_for(c, asks)
    assert short < unknown < fits
    assert unknown == score_for(c, asks_nothing)  # half of the capacity weight, not zero
    assert unknown - short == round(100 * WEIGHTS["capaciteit"] * NEUTRAL)


# --- hours and days -------------------------------------------------------------------------


def test_hours_within_goal_fit_and_more_hours_lower_the_score():
    c = candidate(hours_start=12, hours_goal=20)
    assert (True, "16 uur per week past") in reasons(c, job(hours=16.0))
    assert (True, "20 uur per week past") in reasons(c, job(hours=20.0))
    assert (False, "24 uur per week is meer dan je wilt") in reasons(c, job(hours=24.0))
    assert (False, "36 uur per week is meer dan je wilt") in reasons(c, job(hours=36.0))
    assert (False, "22,5 uur per week is meer dan je wilt") in reasons(c, job(hours=22.5))
    assert (
        score_for(c, job(hours=20.0))
        > score_for(c, job(hours=24.0))
        > score_for(c, job(hours=36.0))
    )


def test_hours_goal_falls_back_on_starting_hours():
    c = candidate(hours_start=12, hours_goal=None)
    assert (False, "16 uur per week is meer dan je wilt") in reasons(c, job(hours=16.0))


def test_unknown_hours_give_no_hours_reason():
    c = candidate(hours_start=None, hours_goal=None)
    assert not any("uur per week" in t for t in texts(c, job()))


def test_days_that_do_not_all_fit_are_named():
    c = candidate(days=frozenset({"ma"}))
    assert "niet alle werkdagen passen" in texts(c, job(days=frozenset({"ma", "di", "wo"})))
    assert "niet alle werkdagen passen" not in texts(c, job(days=frozenset({"ma"})))


def test_hours_eight_above_goal_are_named():
    c = candidate(hours_start=12, hours_goal=20)
    assert (False, "28 uur per week is meer dan je wilt") in reasons(c, job(hours=28.0))


def test_half_of_the_days_fitting_is_named():
    c = candidate(days=frozenset({"ma"}))
    assert "niet alle werkdagen passen" in texts(c, job(days=frozenset({"ma", "di"})))


def test_days_the_candidate_cannot_work_lower_the_score():
    c = candidate(days=frozenset({"ma", "di"}))
    assert score_for(c, job(days=frozenset({"ma", "di"}))) > score_for(
        c, job(days=frozenset({"za", "zo"}))
    )


# --- travel ---------------------------------------------------------------------------------


def test_travel_in_and_out_of_area_by_place_and_postcode():
    c = candidate(travel_area=frozenset({"utrecht", "3701"}))
    in_place = job(place="utrecht", postcode4="3511")
    in_postcode = job(place="zeist", postcode4="3701")
    outside = job(place="amersfoort", postcode4="3811")
    assert (True, "ligt in je reisgebied (Utrecht)") in reasons(c, in_place)
    assert (True, "ligt in je reisgebied (Zeist)") in reasons(c, in_postcode)
    assert (False, "ligt buiten je reisgebied (Amersfoort)") in reasons(c, outside)
    assert score_for(c, in_place) == score_for(c, in_postcode)
    assert score_for(c, in_place) - score_for(c, outside) == round(100 * WEIGHTS["reizen"])


def test_no_travel_area_is_neutral_and_gives_no_travel_reason():
    c = candidate(travel_area=frozenset())
    assert not any("reisgebied" in t for t in texts(c, job()))
    inside = score_for(candidate(), job(place="utrecht"))
    outside = score_for(candidate(), job(place="amersfoort", postcode4="3811"))
    assert outside < score_for(c, job()) < inside


# --- conditions -----------------------------------------------------------------------------


def test_quiet_place_need():
    c = candidate(needs_quiet=True)
    quiet, busy = job(quiet_place=True), job(quiet_place=False)
    assert (True, "rustige werkplek mogelijk") in reasons(c, quiet)
    assert (False, "geen rustige werkplek") in reasons(c, busy)
    assert score_for(c, quiet) - score_for(c, busy) == round(100 * WEIGHTS["omstandigheden"])
    # without the need, a quiet place neither counts nor shows
    relaxed = candidate(needs_quiet=False)
    assert score_for(relaxed, quiet) == score_for(relaxed, busy)
    assert not any("rustige" in t for t in texts(relaxed, busy))


def test_fixed_hours_need():
    c = candidate(needs_fixed_hours=True)
    assert (True, "vaste tijden mogelijk") in reasons(c, job(fixed_hours=True))
    assert (False, "geen vaste tijden") in reasons(c, job(fixed_hours=False))
    assert score_for(c, job(fixed_hours=True)) > score_for(c, job(fixed_hours=False))


# --- both directions ------------------------------------------------------------------------


def both(c: CandidateProfile, j: JobProfile) -> tuple[int, int]:
    return JobIndex([j]).rank(c)[0].score, CandidateIndex([c]).rank(j)[0].score


def test_both_directions_give_the_same_score_for_a_pair():
    pairs = [
        (candidate(), job()),
        (candidate(), job(words=frozenset({"groen"}), demands={"klantcontact": 3})),
        (candidate(capacities={}, wish_words=frozenset()), job(hours=30.0)),
        (candidate(travel_area=frozenset(), needs_quiet=True), job(quiet_place=True)),
        (candidate(hours_start=None, hours_goal=None, needs_fixed_hours=True), job()),
        (candidate(), job(place="amersfoort", postcode4="3811", hours=24.0)),
    ]
    for c, j in pairs:
        by_job, by_candidate = both(c, j)
        assert by_job == by_candidate, (c, j)


def test_scores_agree_within_rounding_on_random_pairs():
    rng = random.Random(4)
    vocabulary = ["groen", "zorg", "planten", "horeca", "logistiek"]
    for _ in range(500):
        c = CandidateProfile(
            key=1,
            name="c",
            wish_words=frozenset(rng.sample(vocabulary, rng.randint(0, 2))),
            capacities={a: rng.randint(1, 4) for a in rng.sample(AREAS, rng.randint(0, 14))},
            hours_start=rng.choice([None, 4, 12]),
            hours_goal=rng.choice([None, 16, 20]),
            travel_area=frozenset(rng.sample(["utrecht", "zeist", "3511"], rng.randint(0, 2))),
            needs_quiet=rng.random() < 0.5,
            needs_fixed_hours=rng.random() < 0.5,
        )
        j = JobProfile(
            key=2,
            title="j",
            employer="e",
            words=frozenset(rng.sample(vocabulary, rng.randint(0, 2))),
            demands={a: rng.randint(1, 4) for a in rng.sample(AREAS, rng.randint(0, 7))},
            hours=float(rng.randint(4, 40)),
            place=rng.choice(["utrecht", "zeist", "amersfoort"]),
            postcode4=rng.choice(["3511", "3701", ""]),
            quiet_place=rng.random() < 0.5,
            fixed_hours=rng.random() < 0.5,
        )
        by_job, by_candidate = both(c, j)
        assert abs(by_job - by_candidate) <= 1, (c, j)


def test_both_directions_agree_on_a_half_point():
    c = candidate(wish_words=frozenset({"zorg"}), travel_area=frozenset(), hours_goal=20)
    j = job(words=frozenset({"groen"}), demands={}, hours=36.0)
    by_job, by_candidate = both(c, j)
    assert by_job == by_candidate


def test_both_directions_agree_when_starting_with_zero_hours():
    c = candidate(hours_start=0, hours_goal=None)
    by_job, by_candidate = both(c, job(hours=12.0))
    assert by_job == by_candidate


# --- limit, order, empty --------------------------------------------------------------------


def test_empty_indexes_return_nothing():
    assert JobIndex([]).rank(candidate()) == []
    assert CandidateIndex([]).rank(job()) == []


def test_limit_and_order():
    c = candidate(capacities={"klantcontact": 2})
    # 12 jobs on each level of demand; the 24 that fit are the top 24
    jobs = [job(i, demands={"klantcontact": 1 + i % 4}) for i in range(48)]
    index = JobIndex(jobs)
    ranked = index.rank(c, 24)
    assert len(ranked) == 24
    assert len(index.rank(c, 500)) == 48
    assert index.rank(c, 0) == []
    scores = [s.score for s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert ranked[0].profile is jobs[ranked[0].key]
    # equal scores keep the order in which the jobs were given
    assert [s.key for s in ranked] == [i for i in range(48) if i % 4 < 2]
    assert [s.key for s in index.rank(c, 36)][24:] == [i for i in range(48) if i % 4 == 2]
    # the same question gives the same answer
    assert [s.key for s in index.rank(c, 24)] == [s.key for s in ranked]

    candidates = [candidate(key=i, capacities={"klantcontact": 1 + i % 4}) for i in range(48)]
    by_job = CandidateIndex(candidates).rank(job(demands={"klantcontact": 3}), 24)
    fitting = [i for i in range(48) if i % 4 >= 2]
    assert [s.key for s in by_job] == fitting
    assert [s.profile for s in by_job] == [candidates[i] for i in fitting]


def test_limited_ranking_is_the_start_of_the_full_ranking_with_many_ties():
    rng = random.Random(1)
    c = candidate(capacities={"klantcontact": 2})
    jobs = [job(i, demands={"klantcontact": rng.randint(1, 3)}) for i in range(1000)]
    index = JobIndex(jobs)
    full = [s.key for s in index.rank(c, len(jobs))]
    assert [s.key for s in index.rank(c, 20)] == full[:20]


# --- profiles from the database -------------------------------------------------------------


def make_employer(name: str = "Kwekerij De Linde") -> Werkgever:
    organisation = OrganisationFactory(name=name, kind=Organisation.Kind.WERKGEVER)
    return Werkgever.objects.create(
        organisation=organisation, sector="Groen", grootte=Werkgever.Grootte.KLEIN
    )


def make_job(werkgever: Werkgever, title: str = "Medewerker kwekerij") -> Functie:
    locatie = Locatie.objects.create(
        werkgever=werkgever, name="Kas", postcode="3511 AB", city=" Utrecht "
    )
    taak = Taak.objects.create(
        werkgever=werkgever,
        name="Planten water geven",
        hours_per_week=8,
        demands={"fysieke_belasting": 3},
    )
    functie = Functie.objects.create(
        werkgever=werkgever,
        locatie=locatie,
        title=title,
        soort=Functie.Soort.MAATWERK,
        description="Stekken en oppotten in de kas.",
        hours_per_week="16.5",
        days=["ma", "di"],
        demands={"klantcontact": 3, "structuur": 0},
        quiet_place=True,
    )
    functie.taken.add(taak)
    return functie


def make_candidate(n: int = 0) -> Kandidaat:
    kandidaat = KandidaatFactory(first_name="Sanne", last_name=f"de Vries {n}", city="Zeist")
    InstrumentVersie.objects.create(
        kandidaat=kandidaat, kind="wensen", number=1, data={"cap_klantcontact": "4"}
    )
    InstrumentVersie.objects.create(
        kandidaat=kandidaat,
        kind="wensen",
        number=2,
        data={
            "werk_wens": "Buiten werken met planten in een kwekerij.",
            "sectoren": "Groen",
            "taken_graag": "Water geven",
            "cap_klantcontact": "2",
            "cap_prikkels": "2",
            "cap_structuur": "",
            "cap_fysieke_belasting": "4",
        },
    )
    InstrumentVersie.objects.create(
        kandidaat=kandidaat,
        kind="beschikbaarheid",
        number=1,
        data={"uren_start": 12, "uren_doel": 20, "dagen": ["ma", "di", "do"]},
    )
    Matchprofiel.objects.create(kandidaat=kandidaat, akkoord=True, reisgebied="Utrecht, 3701")
    return kandidaat


def loaded(kandidaten) -> list[Kandidaat]:
    return list(
        Kandidaat.objects.filter(pk__in=[k.pk for k in kandidaten])
        .select_related("matchprofiel")
        .order_by("pk")
    )


@pytest.mark.django_db
def test_candidate_profile_from_the_database():
    kandidaat = make_candidate()
    [profile] = profiles.candidate_profiles(loaded([kandidaat]))
    assert profile.key == kandidaat.pk
    assert profile.name == "Sanne de Vries 0"
    assert profile.wish_text == "Buiten werken met planten in een kwekerij. · Groen · Water geven"
    assert {"buiten", "planten", "kwekerij", "groen", "water", "geven"} <= profile.wish_words
    assert profile.capacities == {"klantcontact": 2, "prikkels": 2, "fysieke_belasting": 4}
    assert profile.hours_start == 12
    assert profile.hours_goal == 20
    assert profile.days == {"ma", "di", "do"}
    assert profile.travel_area == {"utrecht", "3701", "zeist"}
    assert profile.needs_quiet is True  # prikkels 2
    assert profile.needs_fixed_hours is False  # structuur not filled in


@pytest.mark.django_db
def test_candidate_without_anything_filled_in():
    kandidaat = KandidaatFactory(city="")
    [profile] = profiles.candidate_profiles(loaded([kandidaat]))
    assert profile.wish_words == frozenset()
    assert profile.capacities == {}
    assert profile.hours_start is None and profile.hours_goal is None
    assert profile.travel_area == frozenset()
    assert JobIndex([job()]).rank(profile)[0].score > 0


@pytest.mark.django_db
def test_job_profile_from_the_database():
    functie = make_job(make_employer())
    [profile] = profiles.job_profiles(profiles.job_queryset())
    assert profile.key == functie.pk
    assert profile.title == "Medewerker kwekerij"
    assert profile.employer == "Kwekerij De Linde"
    assert {"kwekerij", "groen", "planten", "water", "stekken", "kas"} <= profile.words
    assert profile.demands == {"klantcontact": 3}
    assert profile.hours == 16.5
    assert profile.days == {"ma", "di"}
    assert profile.place == "utrecht"
    assert profile.postcode4 == "3511"
    assert profile.quiet_place is True and profile.fixed_hours is False


@pytest.mark.django_db
def test_closed_jobs_are_not_matched():
    functie = make_job(make_employer())
    Functie.objects.filter(pk=functie.pk).update(open=False)
    assert profiles.job_profiles(profiles.job_queryset()) == []


@pytest.mark.django_db
def test_profiles_from_the_database_match_with_reasons():
    make_job(make_employer())
    [c] = profiles.candidate_profiles(loaded([make_candidate()]))
    [j] = profiles.job_profiles(profiles.job_queryset())
    found = {text: fits for fits, text in reasons(c, j)}
    assert found["past bij wens: geven, groen, kwekerij"] is True
    assert found["vraagt meer klantcontact dan je aangeeft"] is False
    assert found["16,5 uur per week past"] is True
    assert found["ligt in je reisgebied (Utrecht)"] is True
    assert found["rustige werkplek mogelijk"] is True
    assert JobIndex([j]).rank(c)[0].score == CandidateIndex([c]).rank(j)[0].score


def count_queries(function, *args) -> int:
    with CaptureQueriesContext(connection) as ctx:
        function(*args)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_candidate_profiles_use_a_constant_number_of_queries():
    few = loaded([make_candidate(n) for n in range(2)])
    many = loaded([*few, *(make_candidate(n) for n in range(2, 20))])
    assert len(many) == 20
    assert count_queries(profiles.candidate_profiles, few) == 2
    assert count_queries(profiles.candidate_profiles, many) == 2


@pytest.mark.django_db
def test_job_profiles_use_a_constant_number_of_queries():
    werkgever = make_employer()
    for n in range(2):
        make_job(werkgever, f"Functie {n}")

    def load():
        profiles.job_profiles(profiles.job_queryset())

    few = count_queries(load)
    for n in range(2, 20):
        make_job(werkgever, f"Functie {n}")
    assert len(profiles.job_profiles(profiles.job_queryset())) == 20
    assert count_queries(load) == few == 2


# --- synthetic data -------------------------------------------------------------------------


def generate(**options) -> str:
    out = StringIO()
    call_command("generate_matching_data", stdout=out, force=True, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_generator_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_matching_data", jobs=1, candidates=1, stdout=StringIO())
    assert not Functie.objects.exists()


@pytest.mark.django_db
def test_generator_makes_matchable_fake_data():
    output = generate(jobs=40, candidates=25, seed=3)
    assert "40 open functies" in output and "25 kandidaten" in output
    functies = Functie.objects.select_related("werkgever__organisation", "locatie")
    assert functies.filter(open=True).count() == 40
    assert all(f.werkgever.organisation.name.startswith("Synthetisch ") for f in functies)
    assert all(4 <= f.hours_per_week <= 32 for f in functies)
    assert all(f.demands and f.days for f in functies)
    kandidaten = loaded(Kandidaat.objects.all())
    assert len(kandidaten) == 25
    assert all(k.first_name == "Synthetisch" and k.matchprofiel.akkoord for k in kandidaten)

    jobs = profiles.job_profiles(profiles.job_queryset())
    candidates = profiles.candidate_profiles(kandidaten)
    assert any(c.wish_words and c.capacities and c.hours_goal for c in candidates)
    suggestions = JobIndex(jobs).rank(candidates[0], 5)
    assert len(suggestions) == 5
    assert reasons(candidates[0], suggestions[0].profile)
    assert len(CandidateIndex(candidates).rank(jobs[0], 5)) == 5


@pytest.mark.django_db
def test_generator_adds_and_clears_only_synthetic_data():
    real = make_job(make_employer())
    real_candidate = make_candidate()
    generate(jobs=12, candidates=5, seed=1)
    titles = sorted(Functie.objects.exclude(pk=real.pk).values_list("title", "hours_per_week"))
    generate(jobs=12, candidates=5, seed=1)  # adds, numbered on
    assert Functie.objects.count() == 1 + 24
    assert Kandidaat.objects.count() == 1 + 10
    output = generate(jobs=12, candidates=5, seed=1, clear=True)
    assert "Verwijderd: 4 synthetische werkgevers" in output
    assert "10 synthetische kandidaten" in output
    assert Functie.objects.count() == 1 + 12
    assert Kandidaat.objects.count() == 1 + 5
    assert Functie.objects.filter(pk=real.pk).exists()
    assert Kandidaat.objects.filter(pk=real_candidate.pk).exists()
    # the same seed makes the same data
    again = sorted(Functie.objects.exclude(pk=real.pk).values_list("title", "hours_per_week"))
    assert again == titles
