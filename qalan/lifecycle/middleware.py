"""A blocked account (P4.5.b) sees why and how to contest, and can do nothing else."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from qalan.lifecycle.selectors import active_block, sign_in_refusal


def _allowed_paths() -> tuple[str, ...]:
    return (
        reverse("accounts:logout"),
        reverse("privacy:contact"),
        reverse("privacy:policy"),
        reverse("set_language"),
        "/static/",
    )


class AccountBlockMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(_allowed_paths()):
            return self.get_response(request)
        block = active_block(user)
        if block is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"message": sign_in_refusal(user), "errors": {}}, status=403)
        return render(request, "lifecycle/blocked.html", {"account_block": block}, status=403)
