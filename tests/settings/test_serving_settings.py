"""Serving settings of the production profile: JSON logs, media on S3-compatible storage."""

import json

from tests.settings.test_production import run_manage

SHOW = "import json; from django.conf import settings; from django.core.files.storage import storages; default_storage = storages['default']; "


def shell(code: str, **env: str | None):
    result = run_manage("shell", "-c", SHOW + code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_logs_json_unless_told_otherwise():
    code = "print(json.dumps(settings.LOGGING['handlers']['console'].get('formatter')))"
    assert shell(code) == "json"
    assert shell(code, QALAN_LOG_FORMAT="text") is None
    result = run_manage("check", QALAN_LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "QALAN_LOG_FORMAT must be json or text" in result.stderr


def test_media_stays_on_the_file_system_without_a_bucket():
    assert shell("print(json.dumps(type(default_storage).__name__))") == "FileSystemStorage"


S3 = {
    "QALAN_MEDIA_S3_BUCKET": "qalan-media",
    "QALAN_MEDIA_S3_ENDPOINT_URL": "https://object.example.kz",
    "QALAN_MEDIA_S3_REGION": "kz-ala-1",
    "QALAN_MEDIA_S3_ACCESS_KEY_ID": "AKIAEXAMPLEKEY",
    "QALAN_MEDIA_S3_SECRET_ACCESS_KEY": "example-secret-key",
}


def test_a_bucket_puts_media_on_private_s3_storage():
    storage = shell(
        "s = default_storage; print(json.dumps({'class': type(s).__module__ + '.' + type(s).__name__, "
        "'bucket': s.bucket_name, 'endpoint': s.endpoint_url, 'region': s.region_name, 'acl': s.default_acl, "
        "'querystring_auth': s.querystring_auth, 'expire': s.querystring_expire, 'overwrite': s.file_overwrite, "
        "'location': s.location, 'url': s.url('avatars/x.jpg')}))",
        **S3,
    )
    assert storage["class"] == "storages.backends.s3.S3Storage"
    assert (storage["bucket"], storage["endpoint"], storage["region"]) == (
        "qalan-media",
        "https://object.example.kz",
        "kz-ala-1",
    )
    assert storage["acl"] == "private"
    assert storage["querystring_auth"] is True and storage["expire"] == 300
    assert storage["overwrite"] is False
    # A URL of the bucket is signed and short-lived (signed locally: no network call).
    assert storage["url"].startswith("https://object.example.kz/qalan-media/media/avatars/x.jpg?")
    assert "X-Amz-Signature=" in storage["url"] and "X-Amz-Expires=300" in storage["url"]


def test_production_refuses_a_public_media_bucket():
    result = run_manage("check", **S3, QALAN_MEDIA_S3_ACL="public-read")
    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr
    assert "QALAN_MEDIA_S3_ACL must be private" in result.stderr
    assert run_manage("check", "--deploy", "--fail-level", "WARNING", **S3).returncode == 0
