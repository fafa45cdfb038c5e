"""Print SQL queries and time per page for a growing number of trajects.

Run: WERKPAD_TESTING=1 .venv/bin/python bench/query_counts.py [sizes...]
Uses a throwaway SQLite database in a temporary directory.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
os.environ.setdefault("WERKPAD_TESTING", "1")
os.environ["WERKPAD_DATA_DIR"] = tempfile.mkdtemp(prefix="werkpad-bench-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from tests.factories import UserFactory  # noqa: E402
from tests.trajects.test_query_counts import build  # noqa: E402


def main(sizes: list[int]) -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    coach = UserFactory(role="trajectbegeleider")
    regie = UserFactory(role="regiehouder")
    client = Client()
    made = []
    print(f"{'trajects':>8} {'page':<10} {'queries':>7} {'ms':>7}")
    for size in sizes:
        made += build(coach, regie, size - len(made))
        first = made[0]
        pages = {
            "caseload": (coach, reverse("trajects:caseload")),
            "traject": (coach, reverse("trajects:detail", args=[first.pk])),
            "timeline": (coach, reverse("trajects:timeline", args=[first.pk])),
            "regie": (regie, reverse("trajects:regie")),
        }
        for name, (user, url) in pages.items():
            client.force_login(user)
            client.get(url)  # warm up
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                client.get(url)
                elapsed = (time.perf_counter() - start) * 1000
            print(f"{size:>8} {name:<10} {len(ctx.captured_queries):>7} {elapsed:>7.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 100, 500])
