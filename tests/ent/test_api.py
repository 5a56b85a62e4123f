"""The ENT API: the blueprint, start, questions without keys while open, save, submit, report."""

import pytest

from qalan.ent.models import EntMock
from tests.conftest import token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def senior_api(senior):
    from rest_framework.test import APIClient

    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(senior)}")
    return client


def test_the_blueprint_lists_sections_points_and_timing(senior_api):
    body = senior_api.get("/api/v1/ent/blueprint").json()
    sections = {s["code"]: s for s in body["sections"]}
    assert (sections["literacy"]["max_points"], sections["maths"]["max_points"]) == (10, 50)
    assert (sections["literacy"]["minutes"], sections["maths"]["minutes"]) == (20, 80)
    assert sections["maths"]["positions"][30] == {
        "number": 31,
        "question_type": "multi",
        "options": 6,
        "points": 2,
        "skills": ["Q5.FR.SIMPLIFY", "Q5.DEC.TO_FRACTION"],
    }
    assert body["grades"] == [10, 11]


def test_a_mock_through_the_api(ent_content, senior_api):
    started = senior_api.post("/api/v1/ent/mocks", {"section": "maths"}, format="json")
    assert started.status_code == 201
    body = started.json()
    assert len(body["questions"]) == 40 and body["time_left_seconds"] > 79 * 60
    assert all(q["key"] is None and q["solution"] == [] for q in body["questions"])
    assert all(o["right"] is None for q in body["questions"] for o in q["options"])
    mock = EntMock.objects.get(pk=body["id"])
    keys = {str(i.position): i.key for i in mock.items.all()}

    saved = senior_api.post(f"/api/v1/ent/mocks/{mock.pk}/save", {"answers": {"1": keys["1"]}}, format="json")
    assert saved.status_code == 200
    bad = senior_api.post(f"/api/v1/ent/mocks/{mock.pk}/save", {"answers": {"2": "z"}}, format="json")
    assert bad.status_code == 400 and "q2" in bad.json()["errors"]

    multi = keys["31"].split(",")
    done = senior_api.post(f"/api/v1/ent/mocks/{mock.pk}/submit", {"answers": {"31": multi}}, format="json")
    assert done.status_code == 200
    result = done.json()
    assert result["status"] == "submitted" and result["points"] == 1 + 2
    assert result["questions"][0]["key"] == keys["1"] and result["questions"][0]["solution"]

    report = senior_api.get(f"/api/v1/ent/mocks/{mock.pk}/report").json()
    assert (report["points"], report["max_points"]) == (3, 50)
    assert {line["question_type"] for line in report["by_type"]} == {"single", "context", "multi"}
    assert sum(row["lost"] for row in report["lost"]) == 47
    assert report["lost"][0]["practise_url"].startswith("/trainer/skills/")
    assert senior_api.get("/api/v1/ent/mocks").json()[0]["id"] == mock.pk


def test_the_schema_describes_the_ent_endpoints(senior_api):
    schema = senior_api.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/ent/blueprint", "/api/v1/ent/mocks/{mock_id}/report", "/api/v1/ent/mocks/{mock_id}/save"):
        assert path in schema
