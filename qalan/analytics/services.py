"""Counting page views without counting people; recording exports of anonymised aggregates."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils import timezone

from qalan.analytics.models import DailyRouteCount
from qalan.audit.services import audit_record


def route_of(path: str) -> str | None:
    """The named URL pattern a path belongs to, or None for unknown paths."""
    if not isinstance(path, str) or not path.startswith("/") or len(path) > 500:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name if match.url_name else None


def pageview_count(*, path: str) -> bool:
    route = route_of(path)
    if route is None:
        return False
    day = timezone.localdate()
    updated = DailyRouteCount.objects.filter(day=day, route=route).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                DailyRouteCount.objects.create(day=day, route=route, count=1)
        except IntegrityError:
            DailyRouteCount.objects.filter(day=day, route=route).update(count=F("count") + 1)
    return True


def aggregates_export(*, actor, aggregates: dict) -> None:
    """Record that anonymised aggregates left the platform as a file (P5.6): who took them and
    how many rows, never the rows themselves."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="analytics.aggregates_exported",
            extra={
                "min_group": aggregates["min_group"],
                "difficult_tasks": len(aggregates["difficult_tasks"]),
                "usage_times": len(aggregates["usage_times"]),
            },
        )
