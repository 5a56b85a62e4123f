"""The request log (P3.2.a, P3.2.b): per request time, route, status, duration, volume, errors,
device, browser, OS, app version, screen and language; a pseudonym instead of the person."""

from django.db import DatabaseError
from django.http import HttpResponse
from django.test import RequestFactory

from qalan.lifecycle.models import RequestLog
from qalan.lifecycle.requestlog import RequestLogMiddleware, ip_truncate, user_agent_parse, user_pseudonym

ANDROID = "Mozilla/5.0 (Linux; Android 13; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36"
)


def test_each_request_is_logged_with_route_status_duration_and_volume(client, db):
    response = client.get("/accounts/login/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT=WINDOWS)

    entry = RequestLog.objects.get()
    assert (entry.method, entry.route, entry.view_name, entry.status) == (
        "GET",
        "accounts/login/",
        "accounts:login",
        200,
    )
    assert entry.response_bytes == len(response.content) > 0
    assert entry.duration_ms >= 0 and entry.created_at
    assert (entry.ip_address, entry.user_key, entry.error) == ("203.0.113.9", "", "")
    assert (entry.device_type, entry.browser, entry.os) == ("desktop", "Chrome 121", "Windows 10")
    assert entry.language == "en"


def test_the_log_names_a_keyed_pseudonym_never_the_person(alice_api):
    alice_api.get("/api/v1/me")

    entry = RequestLog.objects.get(route="api/v1/me")
    from qalan.accounts.models import User

    alice = User.objects.get(username="alice")
    assert entry.user_key == user_pseudonym(alice)
    assert len(entry.user_key) == 32 and str(alice.pk) != entry.user_key
    values = str(RequestLog.objects.filter(pk=entry.pk).values().get()).lower()
    assert "alice" not in values and alice.phone not in values


def test_the_app_reports_its_version_screen_and_language_in_headers(api, db):
    api.get(
        "/api/v1/privacy/policy",
        HTTP_USER_AGENT=ANDROID,
        HTTP_X_QALAN_APP_VERSION="2.4.1",
        HTTP_X_QALAN_SCREEN="1080x2400",
        HTTP_X_QALAN_LANGUAGE="kk",
    )

    entry = RequestLog.objects.get()
    assert (entry.app_version, entry.screen, entry.language) == ("2.4.1", "1080x2400", "kk")
    assert (entry.device_type, entry.device_model, entry.browser, entry.os) == (
        "mobile",
        "Samsung SM-A515F",
        "Chrome Mobile 120",
        "Android 13",
    )


def test_malformed_client_headers_are_not_stored(api, db):
    api.get("/api/v1/privacy/policy", HTTP_X_QALAN_SCREEN="<script>", HTTP_X_QALAN_APP_VERSION="x" * 80)
    entry = RequestLog.objects.get()
    assert (entry.screen, entry.app_version) == ("", "")


def test_not_found_and_server_errors_are_logged(client, db):
    client.get("/no-such-page/")
    assert RequestLog.objects.get().status == 404

    factory = RequestFactory()
    middleware = RequestLogMiddleware(lambda request: HttpResponse(status=502))
    middleware(factory.get("/x"))
    assert RequestLog.objects.get(status=502).error == "HTTP 5xx"


def test_an_exception_in_a_view_is_logged_by_its_class(db):
    request = RequestFactory().get("/boom")

    def view(req):
        middleware.process_exception(req, ValueError("secret detail"))
        return HttpResponse(status=500)

    middleware = RequestLogMiddleware(view)
    middleware(request)
    assert RequestLog.objects.get().error == "ValueError"


def test_a_failed_log_write_never_breaks_the_request(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(RequestLog.objects, "create", broken)
    assert client.get("/accounts/login/").status_code == 200


def test_static_files_and_health_checks_are_not_logged(client, db):
    client.get("/healthz")
    client.get("/static/web/qalan.css")
    assert not RequestLog.objects.exists()


def test_helpers_shorten_addresses_and_keep_no_user_agent_string():
    assert ip_truncate("198.51.100.23") == "198.51.100.0"
    assert ip_truncate("2001:db8:1:2:3:4:5:6") == "2001:db8:1::"
    assert ip_truncate("not an ip") is None
    parsed = user_agent_parse("Googlebot/2.1 (+http://www.google.com/bot.html)")
    assert parsed["device_type"] == "bot"
    assert user_agent_parse("") == {"device_type": "", "device_model": "", "browser": "", "os": ""}
