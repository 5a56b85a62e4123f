"""The learning platform's endpoints are in the versioned API schema (P1.c: the app and the
website follow the same rules)."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


def test_the_schema_lists_the_learning_platform(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    paths = yaml.safe_load(response.content)["paths"]
    for path in [
        "/api/v1/classes",
        "/api/v1/classes/join",
        "/api/v1/classes/{class_id}/roster",
        "/api/v1/handoff",
        "/api/v1/links/codes",
        "/api/v1/links/confirm",
        "/api/v1/tasks/{task_id}/attempts",
        "/api/v1/quizzes/{quiz_id}/start",
        "/api/v1/submissions/{submission_id}/submit",
        "/api/v1/classes/{class_id}/homework",
        "/api/v1/classes/{class_id}/board",
        "/api/v1/classes/{class_id}/students/{student_id}/report",
        "/api/v1/children/{child_id}",
        "/api/v1/progress",
        "/api/v1/recommendations",
        "/api/v1/tasks/{task_id}/comments",
        "/api/v1/messages/with/{user_id}",
        "/api/v1/moderation/reports",
    ]:
        assert path in paths, path
