"""Speed of the daily monitoring round: plan the check-ins that are due with their
reminders, assess every active placement and alert the coaches on a new orange or red light,
for many synthetic placements, run THROUGH THE WORKER
(the task `werkpad.notifications.tasks.daily_round`, executed by
`werkpad.notifications.worker.run_ready_tasks`).

Run: WERKPAD_TESTING=1 .venv/bin/python bench/alerts.py [--placements N] [--seed S] [--keep]

A throwaway SQLite database in a temporary directory (WERKPAD_DATA_DIR), migrated, then filled
with bulk_create: per placement a traject (phase c or d), a candidate (one in five with an
account, the others an e-mail address), the coach as betrokkene, a placement, its schedule,
about 8 planned check-ins of which about 7 filled in, 2 supervisor check-ins, and for a third
of the candidates their own signals. Each round runs in a fresh process, so that its peak
memory (max RSS) is the round's own: day 1 (every light computed for the first time, so
every orange and red light is a new alert) and day 2 (the next day: the usual daily work).
"""

import argparse
import datetime
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
os.environ.setdefault("WERKPAD_TESTING", "1")
OWN_DIR = "WERKPAD_DATA_DIR" not in os.environ
if OWN_DIR:
    os.environ["WERKPAD_DATA_DIR"] = tempfile.mkdtemp(prefix="werkpad-bench-alerts-")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

BATCH = 5000
UNUSABLE = make_password(None)  # accounts that cannot log in
SIGNALS = "slecht slapen, stil worden; pauzes overslaan"
REMARKS = ["", "", "", "", "", "Goede week gehad.", "Druk, maar het lukt.", "Ik ga slecht slapen."]


def max_rss_mib() -> float:
    """Peak resident memory of this process (Linux: VmHWM, which starts afresh in a new
    process; ru_maxrss would carry the parent's peak over an exec)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clamp(x: float) -> int:
    return max(1, min(5, round(x)))


def build(n: int, seed: int, today: datetime.date) -> dict:
    """Fill the database with n active placements (bulk_create, minimal related rows)."""
    from werkpad.accounts.models import Organisation, User
    from werkpad.employers.models import Contactpersoon, Functie, Locatie, Werkgever
    from werkpad.instruments.models import InstrumentVersie
    from werkpad.matching.models import Matchgesprek
    from werkpad.monitoring.models import (
        CheckInMoment,
        KandidaatCheckIn,
        LeidinggevendeCheckIn,
        MonitoringSchema,
    )
    from werkpad.placements.models import Plaatsing
    from werkpad.trajects.models import Betrokkene, Kandidaat, Traject

    rng = random.Random(seed)
    now = timezone.now()
    org = Organisation.objects.create(name="Bench re-integratie", kind="reintegratie")
    coaches = User.objects.bulk_create(
        User(
            email=f"coach{i}@bench.example",
            role="trajectbegeleider",
            organisation=org,
            password=UNUSABLE,
            first_name="Coach",
            last_name=str(i),
        )
        for i in range(max(1, n // 1000))
    )
    emp = Organisation.objects.create(name="Bench werkgever", kind="werkgever")
    werkgever = Werkgever.objects.create(organisation=emp, sector="Zorg", grootte="groot")
    locatie = Locatie.objects.create(werkgever=werkgever, name="Hoofdkantoor", city="Utrecht")
    functie = Functie.objects.create(
        werkgever=werkgever,
        locatie=locatie,
        title="Medewerker",
        soort="vacature",
        hours_per_week=20,
    )
    leidinggevenden = Contactpersoon.objects.bulk_create(
        Contactpersoon(
            werkgever=werkgever,
            rol="leidinggevende",
            name=f"Leiding {i}",
            email=f"lg{i}@bench.example",
        )
        for i in range(max(1, n // 100))
    )
    counts = {"kandidaten met account": 0, "check-ins": 0, "geplande check-ins": 0}
    gesprek = None
    for start in range(0, n, BATCH):
        size = min(BATCH, n - start)
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(email=f"k{start + i}@bench.example", role="kandidaat", password=UNUSABLE)
                for i in range(size)
                if (start + i) % 5 == 0
            )
            counts["kandidaten met account"] += len(users)
            users_iter = iter(users)
            kandidaten = Kandidaat.objects.bulk_create(
                Kandidaat(
                    first_name=f"Kandidaat{start + i}",
                    last_name="Bench",
                    email=f"k{start + i}@bench.example",
                    user=next(users_iter) if (start + i) % 5 == 0 else None,
                )
                for i in range(size)
            )
            if gesprek is None:
                gesprek = Matchgesprek.objects.create(
                    kandidaat=kandidaten[0], functie=functie, uitkomst="match", date=today
                )
            trajects = Traject.objects.bulk_create(
                Traject(
                    kandidaat=k,
                    organisation=org,
                    method="ips",
                    referral="ggz",
                    phase=rng.choice("ccd"),
                    started_on=today - datetime.timedelta(days=400),
                )
                for k in kandidaten
            )
            Betrokkene.objects.bulk_create(
                Betrokkene(traject=t, party="begeleiding", user=coaches[(start + i) % len(coaches)])
                for i, t in enumerate(trajects)
            )
            starts = [today - datetime.timedelta(days=rng.randint(21, 280)) for _ in trajects]
            plaatsingen = Plaatsing.objects.bulk_create(
                Plaatsing(
                    traject=t,
                    functie=functie,
                    matchgesprek=gesprek,
                    leidinggevende=leidinggevenden[(start + i) % len(leidinggevenden)],
                    start_date=starts[i],
                    soort="betaald_werk",
                    contract_uren=20,
                )
                for i, t in enumerate(trajects)
            )
            schemas, moments, plans = [], [], []
            for p in plaatsingen:
                later = p.start_date + datetime.timedelta(weeks=6)
                interval = 14 if later <= today else 7
                next_checkin = today + datetime.timedelta(days=rng.randrange(interval))
                next_lg = today + datetime.timedelta(days=rng.randrange(14))
                schemas.append(
                    MonitoringSchema(
                        plaatsing=p,
                        later_vanaf=later,
                        next_checkin=next_checkin,
                        next_leidinggevende=next_lg,
                    )
                )
                planned = [
                    next_checkin - datetime.timedelta(days=interval * k) for k in range(8, 0, -1)
                ]
                planned = [d for d in planned if d >= p.start_date]
                drift = rng.choices([0.0, -0.25, 0.2], weights=[85, 10, 5])[0]
                scores = []
                for k, d in enumerate(planned):
                    filled = rng.random() > 0.03
                    moments.append(
                        CheckInMoment(
                            plaatsing=p,
                            voor="kandidaat",
                            datum=d,
                            open_tot=CheckInMoment.closes_at(d),
                            ingevuld_op=now if filled else None,
                        )
                    )
                    if filled:
                        day = min(today, d + datetime.timedelta(days=rng.randint(0, 1)))
                        e = 4 + drift * k + rng.gauss(0, 0.45)
                        scores.append(
                            (
                                day,
                                clamp(e),
                                clamp(2 - drift * k + rng.gauss(0, 0.45)),
                                clamp(4 + drift * k + rng.gauss(0, 0.45)),
                                clamp(4 + drift * k + rng.gauss(0, 0.45)),
                                rng.choice(REMARKS),
                            )
                        )
                    else:
                        scores.append(None)
                plans.append((p, next_lg, scores))
            MonitoringSchema.objects.bulk_create(schemas)
            made = CheckInMoment.objects.bulk_create(moments)
            counts["geplande check-ins"] += len(made)
            made_iter = iter(made)
            checkins, sup = [], []
            for p, next_lg, scores in plans:
                for s in scores:
                    m = next(made_iter)
                    if s is None:
                        continue
                    day, e, sp, pl, be, remark = s
                    checkins.append(
                        KandidaatCheckIn(
                            plaatsing=p,
                            moment=m,
                            datum=day,
                            energie=e,
                            spanning=sp,
                            plezier=pl,
                            belasting=be,
                            opmerking=remark,
                        )
                    )
                for k in (1, 2):
                    sup.append(
                        LeidinggevendeCheckIn(
                            plaatsing=p,
                            datum=next_lg - datetime.timedelta(days=14 * k),
                            gaat_goed=rng.choice((3, 4, 4, 5, 5)),
                            signalen_gezien=rng.random() < 0.02,
                        )
                    )
            KandidaatCheckIn.objects.bulk_create(checkins)
            LeidinggevendeCheckIn.objects.bulk_create(sup)
            counts["check-ins"] += len(checkins)
            InstrumentVersie.objects.bulk_create(
                InstrumentVersie(kandidaat=k, kind="grenzen", number=1, data={"signalen": SIGNALS})
                for k in kandidaten
                if rng.random() < 1 / 3
            )
    return counts


def run_round(day: datetime.date) -> None:
    """In a fresh process: enqueue the daily round and let the worker run it."""
    from django_tasks_db.models import DBTaskResult

    from werkpad.notifications import tasks, worker

    connection.ensure_connection()
    rss_before = max_rss_mib()
    start = time.perf_counter()
    tasks.daily_round.enqueue(day.isoformat())
    ran = worker.run_ready_tasks(max_tasks=1)  # just the round; the e-mails it queued wait
    seconds = time.perf_counter() - start
    result = (
        DBTaskResult.objects.filter(task_path__endswith="daily_round")
        .order_by("-enqueued_at")
        .values_list("return_value", "status")
        .first()
    )
    print(
        json.dumps(
            {
                "seconds": seconds,
                "ran": ran,
                "rss_before_mib": rss_before,
                "max_rss_mib": max_rss_mib(),
                "status": str(result[1]) if result else "",
                "result": result[0] if result else None,
            },
            default=str,
        )
    )


def clear_queue() -> int:
    """The e-mails a round queued wait for the worker; sending them is not part of the
    round, so the next round starts with an empty queue (they count as sent)."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    count = waiting.count()
    waiting.delete()
    connection.close()
    return count


def child_round(day: datetime.date) -> dict:
    out = subprocess.run(  # noqa: S603 (this script, with a date)
        [sys.executable, __file__, "--round", day.isoformat()],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(label: str, n: int, r: dict) -> None:
    monitoring = (r.get("result") or {}).get("monitoring", {})
    print(
        f"\n{label}: {r['seconds']:.1f} s through the worker, "
        f"{r['seconds'] / n * 1e6:.0f} µs per placement"
    )
    print(
        f"  task status: {r['status']}; peak memory (max RSS of the worker process): "
        f"{r['max_rss_mib']:.0f} MiB ({r['rss_before_mib']:.0f} MiB after start-up)"
    )
    print("  counts:", json.dumps(monitoring, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--placements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--round", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        run_round(datetime.date.fromisoformat(args.round))
        return

    n = args.placements
    today = timezone.localdate()
    print(
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"{os.cpu_count()} CPUs, "
        f"SQLite {connection.Database.sqlite_version} in {os.environ['WERKPAD_DATA_DIR']}"
    )
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    counts = build(n, args.seed, today)
    seconds = time.perf_counter() - t0
    print(
        f"build ({n:,} active placements, bulk_create): {seconds:.1f} s; "
        + ", ".join(f"{k}: {v:,}" for k, v in counts.items())
    )
    connection.close()

    report("day 1 (first assessment of every placement)", n, child_round(today))
    print(f"  e-mails queued for the worker (not sent in this benchmark): {clear_queue():,}")
    report("day 2 (the next day)", n, child_round(today + datetime.timedelta(days=1)))
    print(f"  e-mails queued for the worker (not sent in this benchmark): {clear_queue():,}")
    if OWN_DIR and not args.keep:
        shutil.rmtree(os.environ["WERKPAD_DATA_DIR"], ignore_errors=True)


if __name__ == "__main__":
    main()
