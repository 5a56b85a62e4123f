"""Registration on the web and the API: consent is required and recorded (P2.1.a, P3.1.a)."""

import pytest
from django.urls import reverse

from qalan.accounts.models import User
from qalan.audit.models import AuditEvent
from qalan.privacy.models import ConsentRecord

pytestmark = pytest.mark.django_db

VALID = {
    "username": "aruzhan",
    "phone": "8 (701) 555-12-34",
    "email": "",
    "role": "student",
    "birth_date": "2000-05-05",
    "password": "Str0ng-pass-for-test",
    "password_confirm": "Str0ng-pass-for-test",
    "consent": "on",
}


def register_web(client, **changes):
    data = {**VALID, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(reverse("accounts:register"), data)


def assert_nothing_stored():
    assert User.objects.count() == 0
    assert ConsentRecord.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_consent_box_is_present_and_unticked(client):
    page = client.get(reverse("accounts:register")).content.decode()
    assert 'name="consent"' in page
    box = page[page.index('name="consent"') - 200 : page.index('name="consent"') + 200]
    assert "checked" not in box
    assert "2025-05-01" in page  # the policy version the consent is tied to


def test_web_registration_creates_account_profile_and_consent_record(client):
    response = register_web(client)
    assert response.status_code == 302
    user = User.objects.get(username="aruzhan")
    assert user.phone == "+77015551234"  # E.164
    assert user.profile is not None
    consent = ConsentRecord.objects.get(user=user)
    assert consent.purpose == "platform"
    assert consent.action == "given"
    assert consent.channel == "web"
    assert consent.policy_version.version == "2025-05-01"
    assert consent.created_at is not None
    assert "consent to the collection and processing" in consent.evidence["text"]
    assert consent.evidence["form"] == "registration"
    assert consent.acted_by == user
    # Signed in straight away.
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_password_is_stored_only_as_argon2_hash(client):
    register_web(client)
    user = User.objects.get(username="aruzhan")
    assert user.password.startswith("argon2$argon2id$")
    assert VALID["password"] not in user.password
    assert user.check_password(VALID["password"])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": None}, "consent", "To register, tick the box to consent to the processing of your personal data."),
        ({"phone": "12345"}, "phone", "Enter a Kazakhstan mobile number"),
        ({"phone": "+7 916 123 45 67"}, "phone", "Enter a Kazakhstan mobile number"),  # Russian mobile
        ({"phone": "+998 90 123 45 67"}, "phone", "Enter a Kazakhstan mobile number"),  # Uzbek mobile
        ({"password": "12345678", "password_confirm": "12345678"}, "password", "entirely numeric"),
        ({"password": "short", "password_confirm": "short"}, "password", "too short"),
        ({"password_confirm": "something-else-1"}, "password_confirm", "The two passwords differ"),
        ({"username": "a b"}, "username", "Use only letters, digits"),
        ({"username": ""}, "username", "required"),
        ({"role": "admin"}, "role", "Select a valid choice"),
        ({"birth_date": ""}, "birth_date", "Enter your date of birth"),
        ({"birth_date": "2090-01-01"}, "birth_date", "Enter your real date of birth"),
    ],
)
def test_web_registration_bad_input_shows_error_and_stores_nothing(client, changes, field, message):
    response = register_web(client, **changes)
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors.get(field, []))
    assert message in errors
    assert_nothing_stored()


def test_taken_username_is_refused_case_insensitively(client, alice):
    before = (User.objects.count(), ConsentRecord.objects.count(), AuditEvent.objects.count())
    response = register_web(client, username="ALICE")
    assert "This username is taken" in " ".join(response.context["form"].errors["username"])
    assert (User.objects.count(), ConsentRecord.objects.count(), AuditEvent.objects.count()) == before


def test_error_messages_are_translated(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ru"
    response = register_web(client, consent=None, phone="12")
    errors = response.context["form"].errors
    assert "To register" not in " ".join(errors["consent"])
    assert "Kazakhstan" not in " ".join(errors["phone"])


def test_registered_form_values_are_kept_after_an_error(client):
    page = register_web(client, consent=None).content.decode()
    assert 'value="aruzhan"' in page
    assert 'value="8 (701) 555-12-34"' in page


# --- API ----------------------------------------------------------------------------------


def api_payload(**changes):
    data = {
        "username": "timur",
        "phone": "+77015551235",
        "password": "Str0ng-pass-for-test",
        "consent": True,
        "birth_date": "2001-02-03",
        "device_name": "Galaxy A54",
        "platform": "android",
        "app_version": "1.4.0",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_api_registration_returns_token_and_records_app_consent(api):
    response = api.post("/api/v1/auth/register", api_payload(policy_version="2025-05-01"), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["token"].startswith("qln_")
    user = User.objects.get(username="timur")
    consent = ConsentRecord.objects.get(user=user)
    assert consent.channel == "app"
    assert consent.policy_version.version == "2025-05-01"
    assert consent.evidence["policy_version_shown"] == "2025-05-01"
    me = api.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.status_code == 200
    assert me.json()["user"]["username"] == "timur"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"consent": False}, "consent"),
        ({"consent": None}, "consent"),
        ({"phone": "+44 20 7946 0958"}, "phone"),
        ({"password": "qwerty123"}, "password"),
        ({"role": "dpo"}, "role"),
        ({"username": "x" * 41}, "username"),
    ],
)
def test_api_registration_bad_input_is_400_with_field_error_and_stores_nothing(api, changes, field):
    response = api.post("/api/v1/auth/register", api_payload(**changes), format="json")
    assert response.status_code == 400
    body = response.json()
    assert field in body["errors"]
    assert body["message"]
    assert_nothing_stored()


def test_api_registration_without_consent_says_what_to_do(api):
    body = api.post("/api/v1/auth/register", api_payload(consent=False), format="json").json()
    assert body["errors"]["consent"] == [
        "To register, tick the box to consent to the processing of your personal data."
    ]


def test_consent_record_quotes_the_words_the_user_saw(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ru"
    page = client.get(reverse("accounts:register")).content.decode()
    register_web(client)
    evidence = ConsentRecord.objects.get().evidence
    assert evidence["language"] == "ru"
    assert evidence["shown"] in page
    assert evidence["text"].startswith("I have read the Privacy Policy")
