import json

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from qalan.analytics.services import pageview_count
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
        return JsonResponse({"message": "Send JSON: {\"path\": \"/...\"}.", "errors": {}}, status=400)
    pageview_count(path=path)
    return HttpResponse(status=204)
