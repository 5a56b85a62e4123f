"""The download of my data: a streamed ZIP with one JSON file per category, a manifest and an
offline viewer; links expire and downloads are audited."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.audit.models import AuditEvent
from qalan.core.inventory import Category, declarations
from qalan.rights.models import DataExport, RequestKind, RequestStatus

pytestmark = pytest.mark.django_db


def download(client) -> zipfile.ZipFile:
    response = client.post(reverse("rights:download_link"))
    response = client.get(response["Location"])
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response.streaming
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def alice_signed_in(client, alice):
    alice.profile.full_name = "Alice Aliyeva"
    alice.profile.about = "I like geometry."
    alice.profile.save()
    client.force_login(alice)
    return client


def test_the_zip_has_a_manifest_one_file_per_category_and_a_viewer(alice_signed_in, alice):
    archive = download(alice_signed_in)
    names = set(archive.namelist())
    manifest = json.loads(archive.read("manifest.json"))
    assert {"manifest.json", "index.html"} <= names
    assert manifest["format"] == "qalan-export/1" and manifest["account"]["username"] == "alice"
    expected_categories = {
        c.value for d in declarations() if d.subjects and d.rows_for(alice).exists() for c in d.categories
    }
    assert {f["name"] for f in manifest["files"]} == {f"{c}.json" for c in expected_categories}
    assert all(f"{c}.json" in names for c in expected_categories)
    assert {m["model"] for m in manifest["models"]} >= {"accounts.User", "accounts.Profile", "privacy.ConsentRecord"}


def test_each_category_file_holds_the_fields_of_that_category(alice_signed_in, alice):
    archive = download(alice_signed_in)
    identity = json.loads(archive.read("identity.json"))
    contact = json.loads(archive.read("contact.json"))
    profile = json.loads(archive.read("profile.json"))
    assert identity["accounts.User"][0]["username"] == "alice"
    assert identity["accounts.Profile"][0]["full_name"] == "Alice Aliyeva"
    assert contact["accounts.User"][0] == {"id": alice.pk, "phone": alice.phone, "email": "alice@example.kz"}
    assert profile["accounts.Profile"][0]["about"] == "I like geometry."


def test_secrets_are_never_exported(alice_signed_in, alice):
    archive = download(alice_signed_in)
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
    assert alice.password not in everything
    assert "argon2" not in everything
    credentials = json.loads(archive.read("credentials.json"))
    assert credentials["accounts.User"][0]["password"].startswith("[a secret")


def test_the_viewer_works_offline_without_scripts_or_external_requests(alice_signed_in):
    html = download(alice_signed_in).read("index.html").decode()
    assert "<script" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "Alice Aliyeva" in html and "I like geometry." in html


def test_the_download_is_audited_and_counted(alice_signed_in, alice):
    download(alice_signed_in)
    export = DataExport.objects.get(user=alice)
    assert export.download_count == 1
    assert AuditEvent.objects.filter(event_type="export.downloaded", subject=alice, extra__export=export.pk).exists()


def test_an_expired_link_is_refused(alice_signed_in, alice):
    response = alice_signed_in.post(reverse("rights:download_link"))
    DataExport.objects.filter(user=alice).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = alice_signed_in.get(response["Location"])
    assert response.status_code == 410
    assert "Get a new link" in response.content.decode()


def test_someone_elses_link_is_404(alice_signed_in, client, bob):
    location = alice_signed_in.post(reverse("rights:download_link"))["Location"]
    client.force_login(bob)
    assert client.get(location).status_code == 404
    assert client.get(reverse("rights:download_file", args=["not-a-token"])).status_code == 404


def test_the_download_page_lists_my_downloads(alice_signed_in, alice):
    download(alice_signed_in)
    page = alice_signed_in.get(reverse("rights:download")).content.decode()
    assert "Your recent downloads" in page and "<td>1</td>" in page


def test_an_export_request_from_the_app_is_answered_at_once(alice):
    from qalan.rights import services

    request = services.request_submit(actor=alice, kind=RequestKind.EXPORT, channel="app")
    assert request.status == RequestStatus.ANSWERED and "Download" in request.answer
    assert not DataExport.objects.exists()  # the copy is built only behind the sign-in


def test_an_uploaded_avatar_is_in_the_zip(alice_signed_in, alice):
    from django.core.files.base import ContentFile

    alice.profile.avatar.save("x.jpg", ContentFile(b"\xff\xd8\xff fake jpeg"), save=True)
    archive = download(alice_signed_in)
    profile = json.loads(archive.read("profile.json"))
    path = profile["accounts.Profile"][0]["avatar"]
    assert path.startswith("files/") and archive.read(path) == b"\xff\xd8\xff fake jpeg"


def test_every_exported_category_is_a_known_category(alice_signed_in):
    manifest = json.loads(download(alice_signed_in).read("manifest.json"))
    assert {f["category"] for f in manifest["files"]} <= set(Category.values) - {"none"}
