"""The fixed cost of an authenticated request (issue 15): what the middleware and the API's
authentication, consent gate and policy notice read and write before and after any view's own
work. A view that does nothing shows it: at most 3 queries (the device token, the consent state
read once for the gate and the notice, the request log row)."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.core.gating import consent_required
from tests.conftest import api_as, make_user

pytestmark = pytest.mark.django_db


class NothingView(APIView):
    def get(self, request):
        return Response({"ok": True})


def nothing_page(request):
    return HttpResponse("ok")


# Gated like a learning route, so the consent gate's cost is counted.
urlpatterns = [
    *consent_required([path("api/v1/probe", NothingView.as_view()), path("probe", nothing_page)]),
    path("", include("qalan.urls")),
]


def _statements(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


@pytest.mark.urls("tests.test_fixed_cost")
def test_an_authenticated_api_request_costs_at_most_three_queries_around_the_view():
    api = api_as(make_user("fixed-cost"))
    assert api.get("/api/v1/probe").status_code == 200  # the policy memo is warm, as in a running server
    with CaptureQueriesContext(connection) as captured:
        assert api.get("/api/v1/probe").status_code == 200
    statements = _statements(captured)
    assert len(statements) <= 3, statements


@pytest.mark.urls("tests.test_fixed_cost")
def test_the_consent_gate_still_closes_the_probe_when_consent_is_withdrawn():
    from qalan.privacy.services import consent_withdraw

    user = make_user("fixed-cost-withdrawn")
    api = api_as(user)
    assert api.get("/api/v1/probe").status_code == 200
    consent_withdraw(user=user, actor=user, purpose="platform", channel="web")
    assert api.get("/api/v1/probe").status_code == 403


@pytest.mark.urls("tests.test_fixed_cost")
def test_a_signed_in_page_request_costs_a_bounded_number_of_queries_around_the_view(client):
    user = make_user("fixed-cost-web")
    client.force_login(user)
    assert client.get("/probe").status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/probe").status_code == 200
    statements = _statements(captured)
    # the session, its user with the profile, the device session, an account block, the consent
    # state, the request log (the session comes from the cache in production: one less there)
    assert len(statements) <= 6, "\n".join(s[:150] for s in statements)
