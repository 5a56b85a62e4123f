"""Paper class lists (P3.5): accounts only after the teacher confirms consent; the student or a
parent takes the account over with a hand-off code and gives their own consent."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from qalan.accounts.models import User
from qalan.audit.models import AuditEvent
from qalan.privacy.models import ConsentRecord
from qalan.schools import services
from qalan.schools.models import AccountHandoff, Membership, ThirdPartyConfirmation
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def enrol(world, names=("Alikhan Bekov", "Dana Serikova"), confirmed=True):
    return services.roster_enrol(
        actor=world.teacher, school_class=world.class_a, names=list(names), consent_confirmed=confirmed
    )


def test_without_the_consent_confirmation_no_account_is_created(world):
    users_before = User.objects.count()
    response = api_as(world.teacher).post(
        f"/api/v1/classes/{world.class_a.pk}/roster",
        {"names": ["Alikhan Bekov"], "consent_confirmed": False},
        format="json",
    )
    assert response.status_code == 400
    assert "consent_confirmed" in response.json()["errors"]
    assert User.objects.count() == users_before
    assert not ThirdPartyConfirmation.objects.exists()


def test_enrolment_records_who_entered_the_data_and_the_confirmed_consent(world):
    created = enrol(world)
    assert len(created) == 2
    user, _code = created[0]
    assert user.profile.full_name == "Alikhan Bekov" and user.profile.grade == 6
    assert Membership.objects.get(student=user).via == Membership.Via.ROSTER
    confirmation = ThirdPartyConfirmation.objects.get(subject=user)
    assert confirmation.entered_by == world.teacher and confirmation.kind == ThirdPartyConfirmation.Kind.ROSTER
    assert "agreed" in confirmation.statement
    consent = ConsentRecord.objects.get(user=user, purpose="platform")
    # The ledger shows that the teacher acted, not the student.
    assert consent.acted_by == world.teacher and consent.evidence["form"] == "class_roster"
    assert consent.acted_as == ConsentRecord.ActedAs.THIRD_PARTY
    event = AuditEvent.objects.get(event_type="class.roster_enrolled", subject=user)
    assert "Alikhan" not in str(event.extra)


def test_codes_are_shown_once_and_stored_only_hashed(world):
    user, code = enrol(world)[0]
    handoff = AccountHandoff.objects.get(user=user)
    assert code.replace("-", "") not in handoff.code_digest and len(handoff.code_digest) == 64


def test_nobody_can_sign_in_to_an_account_that_was_not_taken_over(world, client):
    user, _code = enrol(world)[0]
    assert not user.has_usable_password()
    client.post(reverse("accounts:login"), {"username": user.username, "password": ""})
    assert "_auth_user_id" not in client.session


def test_a_parent_takes_over_with_the_code_and_gives_their_own_consent(world, api):
    user, code = enrol(world)[0]
    response = api.post(
        "/api/v1/handoff",
        {
            "username": user.username,
            "code": code,
            "phone": "+7 701 555 44 33",
            "password": "a-new-long-secret-7",
            "acting_as": "parent",
            "consent": True,
        },
        format="json",
    )
    assert response.status_code == 200 and response.json()["token"].startswith("qln_")
    user.refresh_from_db()
    assert user.check_password("a-new-long-secret-7") and user.phone == "+77015554433"
    latest = ConsentRecord.objects.filter(user=user, purpose="platform").order_by("-created_at", "-id").first()
    assert latest.acted_by == user and latest.evidence["acting_as"] == "parent" and latest.channel == "app"
    assert latest.acted_as == ConsentRecord.ActedAs.REPRESENTATIVE
    assert AccountHandoff.objects.get(user=user).claimed_at is not None
    # The code works once.
    again = api.post(
        "/api/v1/handoff",
        {
            "username": user.username,
            "code": code,
            "phone": "+77015554433",
            "password": "another-secret-88",
            "acting_as": "student",
            "consent": True,
        },
        format="json",
    )
    assert again.status_code == 400


def test_a_wrong_code_is_counted_and_blocks_after_five_tries(world):
    user, code = enrol(world)[0]
    for _ in range(5):
        with pytest.raises(ValidationError):
            services.handoff_claim(
                username=user.username,
                code="WRONG-CODE1",
                phone="+77015554433",
                password="a-new-long-secret-7",
                consent=True,
                acting_as="student",
                channel="web",
            )
    with pytest.raises(ValidationError):
        services.handoff_claim(
            username=user.username,
            code=code,
            phone="+77015554433",
            password="a-new-long-secret-7",
            consent=True,
            acting_as="student",
            channel="web",
        )
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_handoff_without_consent_or_with_a_bad_phone_changes_nothing(world):
    user, code = enrol(world)[0]
    with pytest.raises(ValidationError) as error:
        services.handoff_claim(
            username=user.username,
            code=code,
            phone="12",
            password="a-new-long-secret-7",
            consent=False,
            acting_as="student",
            channel="web",
        )
    assert {"phone", "consent"} <= set(error.value.message_dict)
    user.refresh_from_db()
    assert not user.has_usable_password() and AccountHandoff.objects.get(user=user).claimed_at is None


def test_the_teacher_issues_a_new_code_and_the_old_one_stops_working(world):
    user, old = enrol(world)[0]
    new = services.handoff_reissue(actor=world.teacher, school_class=world.class_a, student=user)
    with pytest.raises(ValidationError):
        services.handoff_claim(
            username=user.username,
            code=old,
            phone="+77015554433",
            password="a-new-long-secret-7",
            consent=True,
            acting_as="student",
            channel="web",
        )
    services.handoff_claim(
        username=user.username,
        code=new,
        phone="+77015554433",
        password="a-new-long-secret-7",
        consent=True,
        acting_as="student",
        channel="web",
    )


def test_web_roster_prints_the_codes_and_handoff_signs_in(world, client):
    client.force_login(world.teacher)
    form = client.get(reverse("schools:class_roster", args=[world.class_a.pk])).content.decode()
    assert 'name="consent_confirmed"' in form and "checked" not in form.split('name="consent_confirmed"')[1][:40]
    page = client.post(
        reverse("schools:class_roster", args=[world.class_a.pk]),
        {"names": "Aigerim Nurlanova", "consent_confirmed": "on"},
    )
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    user = User.objects.get(profile__full_name="Aigerim Nurlanova")
    text = page.content.decode()
    assert user.username in text
    code = re.search(r"data-handoff-code>([A-Z0-9-]+)<", text).group(1)
    client.logout()
    response = client.post(
        reverse("schools:handoff"),
        {
            "username": user.username,
            "code": code,
            "acting_as": "student",
            "phone": "+77015554433",
            "password": "a-new-long-secret-7",
            "consent": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("learning:dashboard")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_only_the_classes_teacher_enrols(world):
    response = api_as(world.other_teacher).post(
        f"/api/v1/classes/{world.class_a.pk}/roster", {"names": ["X Y"], "consent_confirmed": True}, format="json"
    )
    assert response.status_code == 404


def test_the_handoff_code_is_compared_in_constant_time(world, monkeypatch):
    import secrets

    compared = []
    real = secrets.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(secrets, "compare_digest", spy)
    user, code = enrol(world)[0]
    services.handoff_claim(
        username=user.username,
        code=code,
        phone="+77015554433",
        password="a-new-long-secret-7",
        consent=True,
        acting_as="student",
        channel="web",
    )
    handoff = AccountHandoff.objects.get(user=user)
    assert any(handoff.code_digest in pair for pair in compared)


def test_a_handoff_code_claimed_by_another_request_at_the_same_time_is_refused(world, monkeypatch):
    import secrets

    from django.utils import timezone

    user, code = enrol(world)[0]
    real = secrets.compare_digest

    def matches_while_another_claim_spends(a, b):
        AccountHandoff.objects.filter(user=user).update(claimed_at=timezone.now())
        return real(a, b)

    monkeypatch.setattr(secrets, "compare_digest", matches_while_another_claim_spends)
    with pytest.raises(ValidationError):
        services.handoff_claim(
            username=user.username,
            code=code,
            phone="+77015554433",
            password="a-new-long-secret-7",
            consent=True,
            acting_as="student",
            channel="web",
        )
    user.refresh_from_db()
    assert not user.has_usable_password()
