"""The Kazakhstan business-day calendar that every request deadline is counted in.

A day is a business day unless it is a Saturday or Sunday, a public holiday (the ``holidays``
package for KZ, with the statutory carry-over of holidays that fall on a weekend), or a day off
the government transferred. The operator's table ``TransferredDay`` (editable in the admin)
overrides both ways: a transferred day off is never a business day, a transferred working
Saturday or Sunday always is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

WEEKEND = (5, 6)  # Saturday, Sunday: Kazakhstan's five-day week

# The kinds of the `privacy_deadline` contract and the policy clause each one comes from.
DEADLINE_KINDS = ("information", "correction", "deletion", "response")


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("KZ", years=year, observed=True).keys())


# The kinds of a transferred day (the values of ``rights.TransferredDay.Kind``).
DAY_OFF = "day_off"
WORKING_DAY = "working_day"

TransfersSource = Callable[[date, date], Mapping[date, str]]
_transfers_source: TransfersSource | None = None


def transfers_source_set(source: TransfersSource | None) -> None:
    """Name where transferred days come from: ``source(start, end)`` -> {date: kind} for the
    days in [start, end]. The rights app, which keeps the operator's table, sets it in
    ``RightsConfig.ready``; without a source only weekends and public holidays count."""
    global _transfers_source
    _transfers_source = source


def _transfers(start: date, end: date) -> Mapping[date, str]:
    """Transferred days in [start, end] from the operator's table: date -> kind."""
    return _transfers_source(start, end) if _transfers_source is not None else {}


def _is_business_day(day: date, transfers: Mapping[date, str]) -> bool:
    kind = transfers.get(day)
    if kind == WORKING_DAY:
        return True
    if kind == DAY_OFF:
        return False
    return day.weekday() not in WEEKEND and day not in _public_holidays(day.year)


def is_business_day(day: date) -> bool:
    return _is_business_day(day, _transfers(day, day))


def add_business_days(start: date, count: int) -> date:
    """The ``count``-th business day after ``start``; ``start`` itself is never counted."""
    if count < 1:
        raise ValueError("count must be at least 1")
    # Generous window: even a month of holidays fits; widened if ever exhausted.
    window = count * 2 + 40
    transfers = _transfers(start, start + timedelta(days=window))
    day, found = start, 0
    while found < count:
        day += timedelta(days=1)
        if day > start + timedelta(days=window):
            window *= 2
            transfers = _transfers(start, start + timedelta(days=window))
        if _is_business_day(day, transfers):
            found += 1
    return day


def business_days_between(start: date, end: date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    transfers = _transfers(start, end)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if _is_business_day(day, transfers):
            count += 1
    return count


def deadline_days(kind: str) -> int:
    """Business days allowed for a deadline kind (settings, with the policy's defaults)."""
    try:
        return settings.QALAN_REQUEST_DEADLINES[kind]
    except KeyError:
        raise ValueError(f"unknown deadline kind {kind!r}; use one of {', '.join(DEADLINE_KINDS)}") from None


def deadline_for(kind: str, received: date) -> date:
    """The due date of a request of ``kind`` received on ``received`` (P6.1, P6.2, P7.3)."""
    return add_business_days(received, deadline_days(kind))
