import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from qalan.accounts.services import avatar_set, profile_update
from qalan.privacy.services import inquiry_submit
from tests.conftest import PASSWORD, make_user
from tests.lifecycle.seeding import Identity, Seeder, seed_every_declared_model

ZHANAR = Identity(
    username="zhanar-erasure",
    phone="+77015550101",
    email="zhanar.erasure@example.kz",
    full_name="Zhanar Erasurebekova",
    ip="203.0.113.77",
)
BOLAT = Identity(
    username="bolat-bystander",
    phone="+77015550202",
    email="bolat.bystander@example.kz",
    full_name="Bolat Bystanderov",
    ip="198.51.100.23",
)


@pytest.fixture(autouse=True)
def _english():
    # Messages are asserted in their English source; the default language (kk) is translated.
    from django.utils import translation

    with translation.override("en"):
        yield


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


def seed_person(identity: Identity, *, client, api, bystander=None):
    """A person who used the platform for real (web and app sign-in, a failed password, a
    recovery code, a message to the DPO, a photo), then a row in every other declared model."""
    user = make_user(identity.username, phone=identity.phone, email=identity.email)
    profile_update(actor=user, user=user, data={"full_name": identity.full_name, "about": identity.full_name})
    avatar_set(actor=user, user=user, upload=_png())
    client.defaults["REMOTE_ADDR"] = identity.ip
    client.get("/accounts/login/")
    client.post("/accounts/login/", {"username": identity.username, "password": "wrong-password-1"})
    client.post("/accounts/login/", {"username": identity.username, "password": PASSWORD})
    client.get("/accounts/profile/")
    api.post(
        "/api/v1/auth/token",
        {"username": identity.username, "password": PASSWORD, "device_name": f"{identity.full_name}'s phone"},
        format="json",
        REMOTE_ADDR=identity.ip,
        HTTP_X_QALAN_APP_VERSION="2.4.1",
        HTTP_X_QALAN_SCREEN="1080x2400",
    )
    api.post("/api/v1/auth/recovery", {"identifier": identity.username}, format="json", REMOTE_ADDR=identity.ip)
    inquiry_submit(user=user, name=identity.full_name, contact=identity.email, topic="question", message=identity.phone)
    seeder = Seeder(user, identity, bystander=bystander)
    failures = seed_every_declared_model(seeder)
    return user, failures


@pytest.fixture
def seeded(db, client, api, django_capture_on_commit_callbacks):
    """(zhanar, bolat): zhanar in every declared model; bolat, a bystander, too."""
    from django.test import Client
    from rest_framework.test import APIClient

    with django_capture_on_commit_callbacks(execute=True):
        bolat, bolat_failures = seed_person(BOLAT, client=Client(HTTP_ACCEPT_LANGUAGE="en"), api=APIClient())
        zhanar, failures = seed_person(ZHANAR, client=client, api=api, bystander=bolat)
    return zhanar, bolat, {**failures, **{f"{k} (bystander)": v for k, v in bolat_failures.items()}}
