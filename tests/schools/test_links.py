"""Parent <-> child links (P3.3, P3.5): one side creates a code, the other confirms it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from qalan.accounts.models import Role
from qalan.audit.models import AuditEvent
from qalan.notify.models import OutboxMessage
from qalan.schools import services
from qalan.schools.models import LinkInvitation, ParentLink, ThirdPartyConfirmation
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def newcomers(make_student):
    from tests.conftest import make_user

    return make_student("kid"), make_user("mum", role=Role.PARENT)


def test_a_child_creates_a_code_and_the_parent_confirms_it(newcomers):
    kid, mum = newcomers
    code = api_as(kid).post("/api/v1/links/codes", {}, format="json").json()["code"]
    response = api_as(mum).post("/api/v1/links/confirm", {"code": code.lower()}, format="json")
    assert response.status_code == 201
    link = ParentLink.objects.get(parent=mum, child=kid)
    assert response.json() == {
        "id": link.pk,
        "role": "child",
        "person": {"id": kid.pk, "name": "kid"},
        "created_at": response.json()["created_at"],
    }
    # The link is recorded for both people (P3.3).
    assert AuditEvent.objects.filter(event_type="link.created", subject=kid).exists()
    assert AuditEvent.objects.filter(event_type="link.created", subject=mum).exists()


def test_the_student_sees_only_the_parents_name(world):
    world.parent.profile.birth_date = timezone.localdate().replace(year=1985)
    world.parent.profile.save()
    links = api_as(world.student).get("/api/v1/links").json()
    assert links == [
        {
            "id": world.link.pk,
            "role": "parent",
            "person": {"id": world.parent.pk, "name": "Pia Parent"},
            "created_at": links[0]["created_at"],
        }
    ]
    assert world.parent.phone not in str(links) and "pia@example.kz" not in str(links)


@pytest.mark.parametrize("code", ["", "ABCD-EFGH"])
def test_a_wrong_code_links_nobody(newcomers, code):
    kid, _mum = newcomers
    response = api_as(kid).post("/api/v1/links/confirm", {"code": code}, format="json")
    assert response.status_code == 400 and "code" in response.json()["errors"]
    assert not ParentLink.objects.filter(child=kid).exists()


def test_an_expired_code_is_wrong(newcomers):
    kid, mum = newcomers
    invitation, code = services.link_invitation_create(actor=mum)
    LinkInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError) as error:
        services.link_confirm(actor=kid, code=code)
    assert "wrong or has expired" in str(error.value)


def test_own_code_and_same_role_codes_are_refused_with_a_reason(newcomers, world):
    _kid, mum = newcomers
    _invitation, code = services.link_invitation_create(actor=mum)
    with pytest.raises(ValidationError, match="your own code"):
        services.link_confirm(actor=mum, code=code)
    with pytest.raises(ValidationError, match="other person's account"):
        services.link_confirm(actor=world.parent, code=code)
    assert not ParentLink.objects.filter(parent=mum).exists()


def test_linking_twice_is_refused(world):
    _invitation, code = services.link_invitation_create(actor=world.parent)
    with pytest.raises(ValidationError, match="already linked"):
        services.link_confirm(actor=world.student, code=code)
    assert ParentLink.objects.filter(parent=world.parent, child=world.student).count() == 1


def test_teachers_cannot_link(world):
    with pytest.raises(ValidationError):
        services.link_invitation_create(actor=world.teacher)


def test_a_parents_contact_needs_the_students_confirmation_of_consent(newcomers):
    kid, _mum = newcomers
    response = api_as(kid).post("/api/v1/links/codes", {"contact": "+7 702 111 22 33"}, format="json")
    assert response.status_code == 400 and "contact_consent" in response.json()["errors"]
    assert not OutboxMessage.objects.filter(recipient="+77021112233").exists()
    assert not LinkInvitation.objects.exists()


def test_a_confirmed_contact_gets_the_code_and_the_confirmation_is_recorded(
    newcomers, django_capture_on_commit_callbacks
):
    kid, _mum = newcomers
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(kid).post(
            "/api/v1/links/codes", {"contact": "+7 702 111 22 33", "contact_consent": True}, format="json"
        )
    assert response.status_code == 201
    sms = OutboxMessage.objects.get(recipient="+77021112233")
    assert response.json()["code"] in sms.body
    confirmation = ThirdPartyConfirmation.objects.get(entered_by=kid)
    assert confirmation.kind == ThirdPartyConfirmation.Kind.CONTACT
    assert LinkInvitation.objects.get(created_by=kid).sent_to_contact
    # The contact itself is not kept with the invitation or in the audit trail.
    assert "77021112233" not in str(AuditEvent.objects.filter(actor=kid).values_list("extra", flat=True))


def test_a_bad_contact_is_refused(newcomers):
    kid, _mum = newcomers
    response = api_as(kid).post(
        "/api/v1/links/codes", {"contact": "not a phone", "contact_consent": True}, format="json"
    )
    assert response.status_code == 400 and "contact" in response.json()["errors"]


def test_either_side_ends_the_link_and_the_parent_loses_the_view(world):
    assert api_as(world.parent).get(f"/api/v1/children/{world.student.pk}").status_code == 200
    assert api_as(world.student).delete(f"/api/v1/links/{world.link.pk}").status_code == 204
    assert api_as(world.parent).get(f"/api/v1/children/{world.student.pk}").status_code == 404


def test_someone_elses_link_is_not_found(world):
    assert api_as(world.other_parent).delete(f"/api/v1/links/{world.link.pk}").status_code == 404
    assert ParentLink.objects.get(pk=world.link.pk).ended_at is None


def test_web_links_page_creates_and_confirms_codes(client, newcomers):
    kid, mum = newcomers
    client.force_login(mum)
    page = client.post(reverse("schools:link_code"), {"contact": ""}).content.decode()
    code = page.split('class="code">')[1].split("<")[0]
    client.force_login(kid)
    response = client.post(reverse("schools:link_confirm"), {"code": code})
    assert response.status_code == 302
    assert "mum" in client.get(reverse("schools:links")).content.decode()
