from django.contrib import admin

from qalan.analytics.models import DailyRouteCount


@admin.register(DailyRouteCount)
class DailyRouteCountAdmin(admin.ModelAdmin):
    list_display = ["day", "route", "count"]
    list_filter = ["day"]
