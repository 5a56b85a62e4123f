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


def test_every_demo_account_signs_in_on_the_web_and_gets_an_api_token(api, client, capsys, settings):
    """Staff demo accounts add the code that `manage.py otp_code USERNAME` prints (README)."""
    from qalan.accounts import totp

    call_command("seed_demo")
    staff = {"demo-dpo", "demo-support", "demo-admin"}
    for username in DEMO:
        otp = {}
        if username in staff:
            capsys.readouterr()
            call_command("otp_code", username)
            otp = {"otp": capsys.readouterr().out.strip()}
        response = api.post(
            "/api/v1/auth/token", {"username": username, "password": "qalan-demo-2025", **otp}, format="json"
        )
        assert response.status_code == 200, username
        assert response.json()["token"]
        web = client.post("/accounts/login/", {"username": username, "password": "qalan-demo-2025"})
        assert web.status_code == 302, username
        if username in staff:
            assert web["Location"] == "/accounts/login/code/"
            # The API spent this step's code; the app's next code (within the window) works.
            next_code = totp.code_at(settings.QALAN_DEMO_OTP_SECRET, totp.step_now() + 1)
            assert client.post("/accounts/login/code/", {"code": next_code}).status_code == 302, username
            assert client.get("/accounts/profile/").status_code == 200, username
        client.post("/accounts/logout/")
