"""Profile: every optional field editable and removable (P3.1.b); avatars cleaned of metadata."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from qalan.accounts.models import Profile
from qalan.audit.models import AuditEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

FULL = {
    "full_name": "Alice Nurlanovna",
    "grade": 6,
    "school": "School No. 12, Almaty",
    "birth_date": "2013-04-02",
    "about": "I like geometry",
    "language": "ru",
}


def jpeg_with_gps(size=(800, 600)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    gps = {1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 54.0, 0.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(content: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_api_profile_fields_can_be_set_and_removed(alice_api, alice):
    response = alice_api.patch("/api/v1/me", {**FULL, "email": "new@example.kz"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["profile"] == {**FULL}
    cleared = {
        "full_name": "",
        "grade": None,
        "school": "",
        "birth_date": None,
        "about": "",
        "language": "",
        "email": "",
    }
    response = alice_api.patch("/api/v1/me", cleared, format="json")
    assert response.status_code == 200
    profile = Profile.objects.get(user=alice)
    assert (profile.full_name, profile.grade, profile.school, profile.birth_date, profile.about) == (
        "",
        None,
        "",
        None,
        "",
    )
    alice.refresh_from_db()
    assert alice.email == ""


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"grade": 12}, "grade"),
        ({"grade": "six"}, "grade"),
        ({"birth_date": "02.04.2013"}, "birth_date"),
        ({"language": "de"}, "language"),
        ({"email": "not-an-email"}, "email"),
        ({"about": "x" * 1001}, "about"),
    ],
)
def test_api_profile_bad_input_is_400_and_changes_nothing(alice_api, alice, payload, field):
    response = alice_api.patch("/api/v1/me", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Profile.objects.get(user=alice).grade is None
    assert not AuditEvent.objects.filter(event_type="profile.updated").exists()


def test_profile_update_audit_names_fields_not_values(alice_api):
    alice_api.patch("/api/v1/me", {"full_name": "Alice Nurlanovna"}, format="json")
    event = AuditEvent.objects.get(event_type="profile.updated")
    assert event.extra == {"fields": ["full_name"]}
    assert "Nurlanovna" not in str(event.extra)


def test_web_profile_form_saves_and_clears(client, alice):
    client.force_login(alice)
    data = {**FULL, "email": ""}
    assert client.post(reverse("accounts:profile"), data).status_code == 302
    assert Profile.objects.get(user=alice).school == FULL["school"]
    client.post(reverse("accounts:profile"), dict.fromkeys(data, ""))
    assert Profile.objects.get(user=alice).school == ""


def test_web_profile_bad_grade_shows_error(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:profile"), {"grade": "15"})
    assert response.status_code == 200
    assert response.context["form"].errors["grade"]


def test_avatar_is_reencoded_without_exif_or_gps(alice_api, alice):
    response = alice_api.put("/api/v1/me/avatar", {"avatar": upload(jpeg_with_gps())}, format="multipart")
    assert response.status_code == 200, response.content
    profile = Profile.objects.get(user=alice)
    with profile.avatar.open("rb") as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert max(image.size) <= 512
    assert len(image.getexif()) == 0
    assert b"PhoneMaker" not in data
    assert "alice" not in profile.avatar.name
    assert alice_api.get("/api/v1/me/avatar").status_code == 200


def test_avatar_can_be_removed_and_file_is_deleted(alice_api, alice):
    alice_api.put("/api/v1/me/avatar", {"avatar": upload(jpeg_with_gps())}, format="multipart")
    profile = Profile.objects.get(user=alice)
    storage, name = profile.avatar.storage, profile.avatar.name
    assert storage.exists(name)
    assert alice_api.delete("/api/v1/me/avatar").status_code == 200
    assert not storage.exists(name)
    assert not Profile.objects.get(user=alice).avatar


def test_replacing_the_avatar_deletes_the_old_file(alice_api, alice):
    alice_api.put("/api/v1/me/avatar", {"avatar": upload(jpeg_with_gps())}, format="multipart")
    first = Profile.objects.get(user=alice).avatar
    alice_api.put("/api/v1/me/avatar", {"avatar": upload(jpeg_with_gps((300, 300)))}, format="multipart")
    assert not first.storage.exists(first.name)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 not an image", "cv.pdf", "not a picture"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "x.svg", "not a picture"),
        (b"\xff\xd8\xff\xe0 truncated", "broken.jpg", "not a picture"),
    ],
)
def test_non_images_are_refused(alice_api, alice, content, name, message):
    response = alice_api.put("/api/v1/me/avatar", {"avatar": upload(content, name)}, format="multipart")
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert not Profile.objects.get(user=alice).avatar


def test_oversized_avatar_is_refused(alice_api, alice, settings):
    settings.QALAN_AVATAR_MAX_BYTES = 1024
    response = alice_api.put("/api/v1/me/avatar", {"avatar": upload(jpeg_with_gps())}, format="multipart")
    assert response.status_code == 400
    assert "too large" in response.json()["message"]
    assert not Profile.objects.get(user=alice).avatar


def test_web_avatar_upload_error_is_shown(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:avatar_upload"), {"avatar": upload(b"nope", "a.jpg")}, follow=True)
    assert "not a picture" in response.content.decode()


def test_only_the_owner_can_fetch_an_avatar(client, alice, bob, alice_api):
    alice_api.put("/api/v1/me/avatar", {"avatar": upload(jpeg_with_gps())}, format="multipart")
    url = reverse("accounts:avatar_image", args=[alice.pk])
    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.force_login(alice)
    assert client.get(url).status_code == 200


def test_password_change_requires_the_current_password(client, alice):
    client.force_login(alice)
    wrong = client.post(
        reverse("accounts:password_change"), {"current_password": "x", "new_password": "Fresh-pass-2026"}
    )
    assert "current password is wrong" in wrong.content.decode()
    ok = client.post(
        reverse("accounts:password_change"), {"current_password": PASSWORD, "new_password": "Fresh-pass-2026"}
    )
    assert ok.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("Fresh-pass-2026")


def test_password_change_signs_out_every_other_device_and_browser(client, alice):
    from django.test import Client

    from qalan.accounts.models import DeviceSession
    from tests.conftest import token_for

    token = token_for(alice)
    other_browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    other_browser.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
    assert DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).count() == 3
    ok = client.post(
        reverse("accounts:password_change"), {"current_password": PASSWORD, "new_password": "Fresh-pass-2026"}
    )
    assert ok.status_code == 302
    # This browser stays signed in; the app's token and the other browser do not.
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).count() == 1
    assert client.get("/api/v1/auth/sessions", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert other_browser.get(reverse("accounts:profile")).status_code == 302
    event = AuditEvent.objects.filter(event_type="account.password_changed").latest("id")
    assert event.extra["sessions_revoked"] == 2


def test_password_change_service_without_a_session_to_keep_revokes_all(alice):
    from qalan.accounts.models import DeviceSession
    from qalan.accounts.services import password_change
    from tests.conftest import token_for

    token_for(alice)
    token_for(alice)
    password_change(actor=alice, user=alice, new_password="Fresh-pass-2026")
    assert not DeviceSession.objects.filter(user=alice, revoked_at__isnull=True).exists()
