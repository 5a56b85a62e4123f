"""Counting page views without counting people."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils import timezone

from qalan.analytics.models import DailyRouteCount


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
