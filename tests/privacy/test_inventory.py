"""The personal-data inventory is complete (mechanism 1): every model and field is a decision."""

import pytest
from django.apps import apps
from django.conf import settings

from qalan.core import inventory
from qalan.core.inventory import Category, Declaration, NotPersonal

USER_LABEL = settings.AUTH_USER_MODEL.lower()


def concrete_models():
    for model in apps.get_models(include_auto_created=False):
        if model._meta.proxy or (not model._meta.managed and model._meta.auto_created):
            continue
        yield model


def field_names(model) -> set[str]:
    names = {f.name for f in model._meta.concrete_fields}
    names |= {f.name for f in model._meta.many_to_many}
    return names


def points_at_user(model) -> bool:
    return any(
        f.is_relation and f.related_model is not None and f.related_model._meta.label_lower == USER_LABEL
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
    )


def test_every_model_is_declared_personal_or_not():
    missing = [m._meta.label for m in concrete_models() if inventory.entry_for(m) is None]
    assert not missing, f"Declare these models in their app's privacy.py: {missing}"


def test_no_declaration_names_a_model_that_does_not_exist():
    labels = {m._meta.label_lower for m in concrete_models()}
    assert set(inventory.all_entries()) <= labels


@pytest.mark.parametrize("model", list(concrete_models()), ids=lambda m: m._meta.label)
def test_every_field_of_a_personal_model_has_a_category(model):
    entry = inventory.entry_for(model)
    if not isinstance(entry, Declaration):
        return
    actual = field_names(model)
    declared = set(entry.fields)
    assert actual - declared == set(), f"{model._meta.label}: undeclared fields {actual - declared}"
    assert declared - actual == set(), f"{model._meta.label}: declared fields that do not exist {declared - actual}"
    assert all(isinstance(c, Category) for c in entry.fields.values())
    assert entry.purposes and entry.description


@pytest.mark.parametrize("model", list(concrete_models()), ids=lambda m: m._meta.label)
def test_models_that_point_at_a_user_are_declared_personal(model):
    entry = inventory.entry_for(model)
    if points_at_user(model) and model._meta.label_lower != USER_LABEL:
        assert isinstance(entry, Declaration), f"{model._meta.label} points at a user but is declared not personal"
    if isinstance(entry, NotPersonal):
        assert len(entry.reason) > 10


def test_text_fields_of_personal_kinds_are_never_categorised_as_none():
    # P1.a: names, dates of birth, phones, e-mails and similar are listed with a real category.
    sensitive = {
        "username",
        "phone",
        "email",
        "full_name",
        "birth_date",
        "ip_address",
        "user_agent",
        "avatar",
        "about",
        "message",
        "contact",
        "name",
        "body",
        "recipient",
        "password",
    }
    for entry in inventory.declarations():
        for field, category in entry.fields.items():
            if field in sensitive:
                assert category != Category.NONE, f"{entry.model}.{field} holds personal data"


@pytest.mark.django_db
def test_subject_paths_find_the_seeded_users_rows(alice, alice_api, client, django_capture_on_commit_callbacks):
    """Seed alice into every model this foundation has, then every declaration with a subject
    path must find her rows (the basis of export and erasure)."""
    from django.urls import reverse

    from qalan.privacy.selectors import policy_current
    from qalan.privacy.services import inquiry_submit, policy_notice_shown

    with django_capture_on_commit_callbacks(execute=True):
        alice_api.post("/api/v1/auth/recovery", {"identifier": "alice"}, format="json")
        inquiry_submit(user=alice, name="Alice", contact="alice@example.kz", topic="question", message="Hello")
        policy_notice_shown(user=alice, policy=policy_current(), channel="web")
        alice_api.post("/api/v1/me/phone", {"new_phone": "+77027770000"}, format="json")
        from qalan.notify.services import preference_for

        preference_for(alice)
        # alice is also the parent who consents for a child under 14.
        from datetime import date

        from qalan.privacy.models import GuardianConsentRequest
        from qalan.privacy.services import guardian_consent_confirm
        from tests.conftest import make_user

        child = make_user(
            "alices-son",
            birth_date=date.today().replace(year=date.today().year - 9),
            guardian_contact=alice.phone,
            guardian_agreed=True,
        )
        guardian_consent_confirm(
            request=GuardianConsentRequest.objects.get(child=child),
            guardian_name="Alice",
            relationship="parent",
            consent=True,
            guardian=alice,
        )
        # alice turns two-factor sign-in on (optional for a student).
        from qalan.accounts import services, totp

        device = services.otp_enrolment_start(actor=alice, user=alice)
        services.otp_enrolment_confirm(actor=alice, user=alice, code=totp.code_now(services.otp_secret(device)))
    client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    # Not reachable from a student's actions: staff edits in the admin site, and the two logs
    # of the lockout library that settings switch off.
    not_seeded = {"admin.logentry", "axes.accessfailurelog", "axes.accesslog"}
    # This test covers the foundation's apps; tests/lifecycle seeds every declared model.
    foundation = ("accounts.", "privacy.", "audit.", "notify.", "sessions.", "axes.")
    empty = []
    for entry in inventory.declarations():
        if not entry.subjects or entry.model.lower() in not_seeded or not entry.model.lower().startswith(foundation):
            continue
        if not entry.rows_for(alice).exists():
            empty.append(entry.model)
    assert not empty, f"no rows found for the seeded user in {empty}"
