"""Matching speed: rank one candidate against all jobs, and one job against all
candidates, on synthetic data; plus the one-off cost of loading profiles and building the
indexes, and their memory.

Run: WERKPAD_TESTING=1 .venv/bin/python bench/matching.py [--jobs N] [--candidates M] [--runs R]
Uses a throwaway SQLite database in a temporary directory, filled by
`manage.py generate_matching_data`.
"""

import argparse
import gc
import math
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
os.environ.setdefault("WERKPAD_TESTING", "1")
os.environ["WERKPAD_DATA_DIR"] = tempfile.mkdtemp(prefix="werkpad-bench-")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402

from werkpad.matching import engine, profiles  # noqa: E402
from werkpad.trajects.models import Kandidaat  # noqa: E402

LIMIT = 20  # what the suggestion pages show
WARM_UP = 5


def load_jobs() -> list[engine.JobProfile]:
    return profiles.job_profiles(profiles.job_queryset())


def load_candidates() -> list[engine.CandidateProfile]:
    kandidaten = Kandidaat.objects.filter(matchprofiel__akkoord=True).select_related("matchprofiel")
    return profiles.candidate_profiles(list(kandidaten))


def ms(seconds: float) -> float:
    return seconds * 1000


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def spread(items: list, runs: int) -> list:
    """`runs` items evenly spread over the list (different people, not one warm one)."""
    step = max(1, len(items) // runs)
    return [items[(i * step) % len(items)] for i in range(runs)]


def measure_rank(index, subjects: list, runs: int, with_reasons) -> tuple[list, list]:
    for subject in subjects[:WARM_UP]:
        index.rank(subject, LIMIT)
    rank, page = [], []
    for subject in spread(subjects, runs):
        start = time.perf_counter()
        suggestions = index.rank(subject, LIMIT)
        middle = time.perf_counter()
        for s in suggestions:
            with_reasons(subject, s.profile)
        end = time.perf_counter()
        rank.append(ms(middle - start))
        page.append(ms(end - start))
    return rank, page


def row(label: str, samples: list[float]) -> None:
    print(
        f"  {label:<50} median {statistics.median(samples):7.2f} ms   "
        f"p95 {p95(samples):7.2f} ms   max {max(samples):7.2f} ms"
    )


def memory(load, build) -> tuple[float, float, float]:
    """MiB retained by the profiles, by the index on top of them, and the peak while loading
    from the database and building."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    loaded = load()
    after_profiles = tracemalloc.get_traced_memory()[0]
    index = build(loaded)
    after_index, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index, loaded
    mib = 1024 * 1024
    return (
        (after_profiles - base) / mib,
        (after_index - after_profiles) / mib,
        (peak - base) / mib,
    )


def main(n_jobs: int, n_candidates: int, runs: int) -> None:
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, Django "
        f"{django.get_version()}, {os.cpu_count()} CPUs, SQLite in {os.environ['WERKPAD_DATA_DIR']}"
    )
    call_command("migrate", verbosity=0)
    _none, seconds = timed(
        call_command,
        "generate_matching_data",
        jobs=n_jobs,
        candidates=n_candidates,
        seed=1,
        force=True,
        stdout=StringIO(),
    )
    print(f"generate_matching_data --jobs {n_jobs} --candidates {n_candidates}: {seconds:.1f} s")

    # (c) one-off: profiles from the database, and the index built from them
    load_j, build_j, load_c, build_c = [], [], [], []
    for _ in range(3):
        jobs, t = timed(load_jobs)
        load_j.append(ms(t))
        job_index, t = timed(engine.JobIndex, jobs)
        build_j.append(ms(t))
        candidates, t = timed(load_candidates)
        load_c.append(ms(t))
        candidate_index, t = timed(engine.CandidateIndex, candidates)
        build_c.append(ms(t))
    print(f"\nIndexes: {len(jobs)} jobs, {len(candidates)} candidates (suggestions: top {LIMIT})")

    # (a) one candidate against all jobs, (b) one job against all candidates
    print(f"\n(a) one candidate against {len(jobs)} jobs, prepared JobIndex ({runs} runs)")
    rank, page = measure_rank(job_index, candidates, runs, engine.reasons)
    row("JobIndex.rank (engine only)", rank)
    row(f"JobIndex.rank + reasons() for the top {LIMIT}", page)

    print(f"\n(b) one job against {len(candidates)} candidates, prepared CandidateIndex")
    rank, page = measure_rank(
        candidate_index, jobs, runs, lambda job, candidate: engine.reasons(candidate, job)
    )
    row("CandidateIndex.rank (engine only)", rank)
    row(f"CandidateIndex.rank + reasons() for the top {LIMIT}", page)

    print("\n(c) one-off cost per index (3 runs, median)")
    for label, samples in (
        (f"load {n_jobs} job profiles from the DB", load_j),
        ("build JobIndex", build_j),
        (f"load {n_candidates} candidate profiles from the DB", load_c),
        ("build CandidateIndex", build_c),
    ):
        print(f"  {label:<50} {statistics.median(samples):7.0f} ms")

    del job_index, candidate_index, jobs, candidates
    print("\n(d) memory (tracemalloc, MiB)")
    for name, load, build in (
        ("JobIndex", load_jobs, engine.JobIndex),
        ("CandidateIndex", load_candidates, engine.CandidateIndex),
    ):
        held, arrays, peak = memory(load, build)
        print(
            f"  {name:<15} profiles {held:6.1f}   index arrays {arrays:6.1f}   "
            f"total held {held + arrays:6.1f}   peak while loading+building {peak:6.1f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    main(args.jobs, args.candidates, args.runs)
