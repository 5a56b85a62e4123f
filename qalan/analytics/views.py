import csv
import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.dates import WEEKDAYS
from django.views.decorators.http import require_GET, require_POST

from qalan.analytics import selectors
from qalan.analytics.services import aggregates_export, pageview_count
from qalan.privacy.cookies import choice_read


@require_POST
def collect(request):
    """Count one page view, only when the visitor allowed analytics cookies (checked here too,
    not only by the script's presence)."""
    choice = choice_read(request)
    if choice is None or not choice.analytics:
        return HttpResponse(status=204)
    try:
        path = json.loads(request.body or b"{}").get("path")
    except (ValueError, AttributeError):
        return JsonResponse({"message": 'Send JSON: {"path": "/..."}.', "errors": {}}, status=400)
    pageview_count(path=path)
    return HttpResponse(status=204)


@login_required
@require_GET
def staff_aggregates(request):
    """Anonymised learning statistics for the operator's staff (P4.2)."""
    aggregates = selectors.usage_aggregates(viewer=request.user)
    times = [{**row, "weekday_name": WEEKDAYS[row["weekday"] - 1]} for row in aggregates["usage_times"]]
    return render(request, "analytics/staff_aggregates.html", {"aggregates": aggregates, "usage_times": times})


def _csv_safe(value):
    # A spreadsheet would run a cell that starts like a formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@login_required
@require_GET
def staff_aggregates_csv(request):
    """The same aggregates as a file: the only form in which they may go to a third party (P5.6)."""
    aggregates = selectors.usage_aggregates(viewer=request.user)
    aggregates_export(actor=request.user, aggregates=aggregates)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="qalan-aggregates.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    for row in selectors.aggregates_csv_rows(aggregates):
        writer.writerow([_csv_safe(value) for value in row])
    return response
