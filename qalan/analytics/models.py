"""Anonymous usage statistics (P3.2.d, P4.2): daily counts per page type, nothing per person."""

from django.db import models


class DailyRouteCount(models.Model):
    day = models.DateField()
    # The URL pattern's name (e.g. "privacy:policy"), never the concrete path with its ids.
    route = models.CharField(max_length=100)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "route"], name="analytics_daily_route_unique")]

    def __str__(self) -> str:
        return f"{self.day} {self.route}: {self.count}"
