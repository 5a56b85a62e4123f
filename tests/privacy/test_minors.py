"""Children under the consent age wait for a parent's consent; the ledger records who acted."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from qalan.notify.models import OutboxMessage
from qalan.privacy.gate import consent_missing
from qalan.privacy.models import ConsentRecord, GuardianConsentRequest
from qalan.privacy.selectors import consent_in_force
from tests.conftest import make_user, token_for

pytestmark = pytest.mark.django_db
PARENT_PHONE = "+77019998877"


def years_ago(years: int, days: int = 0) -> date:
    today = date.today()
    return today.replace(year=today.year - years) - timedelta(days=days)


@pytest.fixture
def child(db):
    return make_user("little-aru", birth_date=years_ago(10), guardian_contact="8 701 999 88 77", guardian_agreed=True)


def guardian_link_and_code():
    body = OutboxMessage.objects.filter(recipient=PARENT_PHONE).latest("id").body
    link = re.search(r"(/privacy/guardian/[^/\s]+/)", body).group(1)
    code = re.search(r"\b(\d{6})\b", body).group(1)
    return link, code


def test_child_under_14_registers_without_own_consent_and_the_parent_is_asked(child):
    assert not ConsentRecord.objects.filter(user=child).exists()
    request = GuardianConsentRequest.objects.get(child=child)
    assert request.contact == PARENT_PHONE
    assert consent_missing(child)
    link, code = guardian_link_and_code()
    assert link and code


def test_child_registration_needs_a_parent_contact_and_the_parents_agreement(client):
    response = client.post(
        reverse("accounts:register"),
        {
            "username": "kid",
            "phone": "+77015550001",
            "role": "student",
            "birth_date": years_ago(9).isoformat(),
            "password": "Str0ng-pass-for-test",
            "password_confirm": "Str0ng-pass-for-test",
            "consent": "on",
        },
    )
    errors = response.context["form"].errors
    assert "guardian_contact" in errors and "guardian_agreed" in errors


def test_fourteen_year_old_consents_alone(db):
    teen = make_user("teen", birth_date=years_ago(14))
    assert consent_in_force(user=teen, purpose="platform")
    assert not GuardianConsentRequest.objects.exists()


def test_a_waiting_child_can_still_reach_account_and_privacy_pages(client, child):
    client.force_login(child)
    # Pages of the account and privacy stay open, and explain the wait.
    page = client.get(reverse("privacy:consent_required")).content.decode()
    assert "parent or legal representative" in page
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_parent_confirms_by_link_and_the_ledger_records_a_representative(client, child):
    link, _code = guardian_link_and_code()
    page = client.get(link)
    assert page.status_code == 200 and "little-aru" in page.content.decode()
    refused = client.post(link, {"guardian_name": "Saule N.", "relationship": "parent"})
    assert "tick the box" in refused.content.decode()
    assert not consent_in_force(user=child, purpose="platform")
    done = client.post(link, {"guardian_name": "Saule N.", "relationship": "parent", "consent": "on"})
    assert done.status_code == 200
    record = ConsentRecord.objects.get(user=child, purpose="platform")
    assert record.acted_as == "representative"
    assert record.acted_by is None  # the parent has no account
    assert record.evidence["guardian_name"] == "Saule N." and record.evidence["relationship"] == "parent"
    assert PARENT_PHONE not in str(record.evidence)  # masked
    assert not consent_missing(child)
    # The link is single-use.
    assert client.get(link).status_code == 400


def test_parent_with_an_account_confirms_by_code(client, child):
    parent = make_user("saule", role="parent")
    _link, code = guardian_link_and_code()
    client.force_login(parent)
    wrong = client.post(
        reverse("privacy:guardian_code"), {"username": "little-aru", "code": "000000" if code != "000000" else "111111"}
    )
    assert "wrong" in wrong.content.decode()
    client.post(reverse("privacy:guardian_code"), {"username": "little-aru", "code": code})
    client.post(
        reverse("privacy:guardian_answer"),
        {"guardian_name": "Saule", "relationship": "representative", "consent": "on"},
    )
    record = ConsentRecord.objects.get(user=child, purpose="platform")
    assert record.acted_by == parent and record.acted_as == "representative"


@pytest.mark.parametrize("token", ["forged", "eyJyIjoxfQ:1t0:bad"])
def test_forged_guardian_link_is_refused_and_changes_nothing(client, child, token):
    response = client.get(reverse("privacy:guardian_confirm", args=[token]))
    assert response.status_code == 400
    assert "not valid or has expired" in response.content.decode()
    assert not ConsentRecord.objects.filter(user=child).exists()


def test_expired_guardian_link_is_refused(client, child):
    link, _code = guardian_link_and_code()
    GuardianConsentRequest.objects.update(expires_at=GuardianConsentRequest.objects.get().created_at)
    assert client.post(link, {"guardian_name": "X", "relationship": "parent", "consent": "on"}).status_code == 400
    assert not ConsentRecord.objects.filter(user=child).exists()


def test_child_can_resend_the_request_to_a_corrected_contact(client, child):
    client.force_login(child)
    client.post(reverse("privacy:consent_required"), {"guardian_contact": "mama@example.kz"})
    assert OutboxMessage.objects.filter(recipient="mama@example.kz", channel="email").exists()
    bad = client.post(reverse("privacy:consent_required"), {"guardian_contact": "not a contact"})
    assert "mobile number or e-mail" in bad.content.decode()


def test_api_registration_of_a_child(api):
    response = api.post(
        "/api/v1/auth/register",
        {
            "username": "kid2",
            "phone": "+77015550002",
            "password": "Str0ng-pass-for-test",
            "consent": True,
            "birth_date": years_ago(8).isoformat(),
            "guardian_contact": PARENT_PHONE,
            "guardian_agreed": True,
        },
        format="json",
    )
    assert response.status_code == 201
    assert GuardianConsentRequest.objects.filter(child__username="kid2").exists()


def test_withdrawing_platform_consent_closes_learning_and_it_can_be_given_again(client, alice):
    from qalan.privacy.services import consent_withdraw

    consent_withdraw(user=alice, actor=alice, purpose="platform", channel="web")
    assert consent_missing(alice)
    client.force_login(alice)
    page = client.get(reverse("privacy:consent_required")).content.decode()
    assert "withdrew your consent" in page
    client.post(reverse("privacy:consent_required"), {"action": "consent"})
    assert not consent_missing(alice)


def test_staff_are_not_gated(dpo):
    from qalan.privacy.services import consent_withdraw

    consent_withdraw(user=dpo, actor=dpo, purpose="platform", channel="web")
    assert not consent_missing(dpo)


def test_linked_parent_sees_a_teens_consents_and_others_get_404(client, api):
    from qalan.schools.services import link_confirm, link_invitation_create

    teen = make_user("teen-ayan", birth_date=years_ago(15))
    parent = make_user("ayan-mama", role="parent")
    stranger = make_user("other-mama", role="parent")
    _invitation, code = link_invitation_create(actor=parent)
    link_confirm(actor=teen, code=code)
    url = reverse("privacy:child_consents", args=[teen.pk])
    client.force_login(parent)
    page = client.get(url).content.decode()
    assert "Processing of personal data to use the platform" in page and "The user" in page
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(teen)
    assert client.get(url).status_code == 404
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(parent)}")
    states = api.get(f"/api/v1/privacy/children/{teen.pk}/consents").json()
    assert {s["purpose"]: s["in_force"] for s in states}["platform"] is True


def test_a_child_waiting_for_the_parent_cannot_open_learning_on_the_web_or_the_api(client, child):
    client.force_login(child)
    response = client.get(reverse("learning:dashboard"))
    assert response.status_code == 302 and response["Location"] == reverse("privacy:consent_required")
    api = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(child)}")
    blocked = api.get("/api/v1/subjects")
    assert blocked.status_code == 403
    assert "parent or legal representative has not given consent" in blocked.json()["message"]
    # Once the parent consents, learning opens.
    link, _code = guardian_link_and_code()
    client.logout()
    client.post(link, {"guardian_name": "Saule", "relationship": "parent", "consent": "on"})
    assert api.get("/api/v1/subjects").status_code == 200


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def test_the_learning_apps_declare_every_route_consent_gated():
    """The mark is declared where each learning app lists its routes, so every route of those URL
    confs is gated, whatever module its view lives in; no other app's route is."""
    from importlib import import_module

    from django.urls import get_resolver

    from qalan.core.gating import is_consent_required

    gated_confs = [
        f"qalan.{app}.{conf}"
        for app in ("schools", "learning", "community", "trainer", "ent")
        for conf in ("urls", "api_urls")
    ]
    declared = {id(callback) for conf in gated_confs for _route, callback in _routes(import_module(conf).urlpatterns)}
    routes = list(_routes(get_resolver().url_patterns))
    gated = {route for route, callback in routes if is_consent_required(callback)}
    assert len(gated) > 100
    assert {route for route, callback in routes if id(callback) in declared} == gated
    assert "api/v1/skills" in gated and "api/v1/me" not in gated and "rights/" not in {r[:7] for r in gated}


def test_every_learning_api_view_checks_platform_consent():
    from django.urls import get_resolver

    from qalan.core.gating import is_consent_required
    from qalan.privacy.gate import PlatformConsentPermission

    gated = [getattr(c, "cls", None) for _r, c in _routes(get_resolver().url_patterns) if is_consent_required(c)]
    gated = [view for view in gated if view is not None]
    assert gated
    # Anonymous endpoints (taking over a class-list account) are the only ones without the check.
    unchecked = [
        v.__name__ for v in gated if PlatformConsentPermission not in v.permission_classes and v.authentication_classes
    ]
    assert unchecked == []
