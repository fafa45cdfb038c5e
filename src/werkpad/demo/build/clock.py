"""Days relative to the moment the demo is loaded: the stories say `days_ago` and
`in_days`, the builders turn them into dates and moments."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone


class Clock:
    """One fixed 'now' for a whole load, so that every date in the demo fits together."""

    def __init__(self) -> None:
        self.now = timezone.now()
        self.today = timezone.localdate()

    def day(self, days_ago: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days_ago)

    def due(self, in_days: int) -> datetime.date:
        return self.today + datetime.timedelta(days=in_days)

    def at(self, days_ago: int, hour: int = 10) -> datetime.datetime:
        """That day at the given hour, never later than a few minutes ago."""
        moment = datetime.datetime.combine(self.day(days_ago), datetime.time(hour, 0))
        return min(timezone.make_aware(moment), self.now - datetime.timedelta(minutes=5))

    def moment(
        self, days_ago: int, rng: random.Random, floor: datetime.datetime | None = None
    ) -> datetime.datetime:
        """A working-hours moment on that day (the same for the same `rng`), after `floor`
        when given (nothing happens before a traject was opened) and never in the future."""
        naive = datetime.datetime.combine(
            self.day(days_ago),
            datetime.time(rng.randint(8, 16), rng.choice([0, 10, 15, 30, 40, 45])),
        )
        at = timezone.make_aware(naive)
        if floor is not None:
            at = max(at, floor + datetime.timedelta(minutes=rng.randint(5, 50)))
        return min(at, self.now - datetime.timedelta(minutes=5))

    @staticmethod
    def monday_from(day: datetime.date) -> datetime.date:
        """The first Monday on or after `day`."""
        return day + datetime.timedelta(days=-day.weekday() % 7)

    def relative(self, value):
        """`{days_ago: N}` as that date in ISO format; anything else as it is."""
        if isinstance(value, dict) and set(value) == {"days_ago"}:
            return self.day(value["days_ago"]).isoformat()
        return value
