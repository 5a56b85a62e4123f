"""The demo accounts of the contract, idempotent."""

import pytest
from django.core.management import call_command

from qalan.accounts.models import User
from qalan.privacy.models import ConsentRecord
from qalan.privacy.selectors import consent_in_force

pytestmark = pytest.mark.django_db
DEMO = ["demo-student", "demo-student2", "demo-teacher", "demo-parent", "demo-dpo", "demo-support", "demo-admin"]


def test_seed_demo_creates_every_contract_account_once(client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert sorted(User.objects.filter(username__in=DEMO).values_list("username", flat=True)) == sorted(DEMO)
    for username in DEMO:
        user = User.objects.get(username=username)
        assert user.check_password("qalan-demo-2025")
        assert consent_in_force(user=user, purpose="platform"), username
    roles = dict(User.objects.values_list("username", "role"))
    assert roles["demo-dpo"] == "dpo" and roles["demo-admin"] == "admin" and roles["demo-parent"] == "parent"
    assert User.objects.get(username="demo-admin").is_superuser


def test_demo_student_consent_was_given_by_demo_parent():
    call_command("seed_demo")
    record = ConsentRecord.objects.get(user__username="demo-student", purpose="platform")
    assert record.acted_as == "representative"
    assert record.acted_by.username == "demo-parent"


def test_every_demo_account_signs_in_on_the_web_and_gets_an_api_token(api, client):
    call_command("seed_demo")
    for username in DEMO:
        response = api.post("/api/v1/auth/token", {"username": username, "password": "qalan-demo-2025"}, format="json")
        assert response.status_code == 200, username
        assert response.json()["token"]
        web = client.post("/accounts/login/", {"username": username, "password": "qalan-demo-2025"})
        assert web.status_code == 302, username
        client.post("/accounts/logout/")
