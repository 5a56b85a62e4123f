"""The versioned API: schema and docs at the contract paths, one error shape (P1.c)."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


def schema(api) -> dict:
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_lists_the_versioned_endpoints(api):
    paths = schema(api)["paths"]
    for path in [
        "/api/v1/auth/register",
        "/api/v1/auth/token",
        "/api/v1/auth/logout",
        "/api/v1/auth/sessions",
        "/api/v1/auth/sessions/{session_id}",
        "/api/v1/auth/recovery",
        "/api/v1/auth/recovery/confirm",
        "/api/v1/me",
        "/api/v1/me/avatar",
        "/api/v1/privacy/policy",
        "/api/v1/privacy/operator",
        "/api/v1/privacy/contact",
    ]:
        assert path in paths, path
    assert all(p.startswith("/api/v1/") for p in paths)


def test_schema_declares_bearer_auth(api):
    assert schema(api)["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_docs_page_loads_nothing_from_a_cdn(api):
    page = api.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn" not in page.lower() and "//unpkg" not in page and "jsdelivr" not in page


def test_errors_have_one_shape(api, alice_api):
    not_found = alice_api.delete("/api/v1/auth/sessions/999999")
    assert not_found.status_code == 404
    assert set(not_found.json()) == {"message", "errors"}
    bad = api.post("/api/v1/auth/token", {}, format="json")
    assert bad.status_code == 400
    assert set(bad.json()) == {"message", "errors"}
    assert "username" in bad.json()["errors"]


def test_api_messages_follow_accept_language(api):
    en = api.post("/api/v1/auth/register", {}, format="json", HTTP_ACCEPT_LANGUAGE="en").json()
    ru = api.post("/api/v1/auth/register", {}, format="json", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert en["errors"]["username"] != ru["errors"]["username"]


def test_a_path_no_api_route_matches_answers_in_the_error_shape(api, client):
    # /api/v1/classes/<int:class_id> does not match "abc": Django's own 404, not a view's.
    response = api.get("/api/v1/classes/abc")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "Not found.", "errors": {}}
    page = client.get("/classes/abc/")
    assert page.status_code == 404
    assert page["Content-Type"].startswith("text/html")


def test_every_operation_documents_the_errors_it_can_answer_with(api):
    document = schema(api)
    error = {"$ref": "#/components/schemas/ApiError"}
    assert set(document["components"]["schemas"]["ApiError"]["required"]) == {"message", "errors"}
    me = document["paths"]["/api/v1/me"]["get"]["responses"]
    assert me["401"]["content"]["application/json"]["schema"] == error
    assert "400" not in me
    register = document["paths"]["/api/v1/auth/register"]["post"]["responses"]
    assert {"400", "429"} <= set(register) and "401" not in register
    session = document["paths"]["/api/v1/auth/sessions/{session_id}"]["delete"]["responses"]
    assert session["404"]["content"]["application/json"]["schema"] == error
