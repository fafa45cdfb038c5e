"""Speed of the monitoring signal rules (werkpad.monitoring.rules.engine.assess): one assessment per
placement, for many synthetic placements with about eight weekly check-ins each, some missed,
some supervisor check-ins and a few own signals. No database, no Django.

Run: .venv/bin/python bench/signals.py [--placements N] [--seed S]
"""

import argparse
import platform
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from werkpad.monitoring.rules.engine import (  # noqa: E402
    CheckIn,
    SupervisorCheckIn,
    assess,
    default_rules,
    next_interval_days,
)

TODAY = date(2025, 3, 31)
SIGNALS = ["slecht slapen", "stil worden", "pauzes overslaan", "hoofdpijn", "vergeetachtig"]
REMARKS = [
    "",
    "",
    "",
    "Goede week gehad.",
    "Ik ga weer slecht slapen.",
    "Veel hoofdpijn deze week",
    "Druk, maar het lukt.",
]


def score(rng: random.Random, base: int, drift: float, k: int) -> int | None:
    if rng.random() < 0.05:
        return None
    return max(1, min(5, round(base + drift * k + rng.gauss(0, 0.7))))


def placement(rng: random.Random):
    n_planned = 8
    planned = [TODAY - timedelta(days=7 * k) for k in range(n_planned - 1, -1, -1)]
    drift = rng.choice([0.0, 0.0, 0.0, -0.3, 0.2])
    checkins = []
    for k, d in enumerate(planned):
        if rng.random() < 0.1:
            continue  # missed
        day = d + timedelta(days=rng.randint(-2, 2))
        if day > TODAY:
            day = TODAY
        checkins.append(
            CheckIn(
                day,
                score(rng, 4, drift, k),
                score(rng, 2, -drift, k),
                score(rng, 4, drift, k),
                score(rng, 4, drift, k),
                rng.choice(REMARKS),
            )
        )
    supervisor = [
        SupervisorCheckIn(
            TODAY - timedelta(days=14 * k + rng.randint(0, 3)),
            rng.randint(2, 5),
            rng.random() < 0.1,
            "",
        )
        for k in range(2)
    ]
    own = rng.sample(SIGNALS, 2)
    return checkins, supervisor, planned, own


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--placements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    data = [placement(rng) for _ in range(args.placements)]
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    default_rules()
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    results = [assess(c, s, p, TODAY, own) for c, s, p, own in data]
    total = time.perf_counter() - t0
    intervals = Counter(next_interval_days(14, a) for a in results)

    n = args.placements
    checkins = sum(len(c) for c, _s, _p, _o in data)
    print(f"Python {platform.python_version()} on {platform.machine()}")
    print(f"placements: {n:,}, check-ins: {checkins:,} ({checkins / n:.1f} each)")
    print(
        f"synthetic data built in {build:.2f} s; rules loaded and compiled in {load * 1e3:.1f} ms"
    )
    print(f"assess(): total {total:.2f} s, {total / n * 1e6:.1f} µs per placement")
    print("levels:", dict(Counter(a.level for a in results)))
    print("next interval (base 14 days):", dict(intervals))


if __name__ == "__main__":
    main()
