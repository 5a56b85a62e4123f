"""Tests and homework drawn from trainer skill pools: fresh items of the same work for every
student, sealed until submitted, answers saved as typed, the saved answers submitted when time
runs out, and retakes as the teacher allows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qalan.learning import services
from qalan.learning.models import Submission
from qalan.learning.selectors import class_board
from qalan.learning.sittings import submissions_close_expired
from qalan.trainer.models import ItemAttempt, ItemInstance, SkillMastery
from tests.conftest import api_as
from tests.trainer.conftest import skills  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def pooled(world, skills):  # noqa: F811
    """Homework for 6A: 2 items of 6.add2 and 1 of 6.alone, at difficulty 2, two attempts."""
    response = api_as(world.teacher).post(
        f"/api/v1/classes/{world.class_a.pk}/homework",
        {
            "title": "Sums",
            "due_at": (timezone.now() + timedelta(days=2)).isoformat(),
            "skills": ["6.add2", "6.alone"],
            "items_per_skill": 2,
            "difficulty": 2,
            "max_attempts": 2,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["task_count"] == 4
    world.pooled = services.selectors.assignment_get(viewer=world.teacher, assignment_id=response.json()["id"])
    return world


def _start(world, student):
    response = api_as(student).post(f"/api/v1/homework/{world.pooled.pk}/start", {}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_every_student_gets_fresh_items_of_the_same_work_without_their_keys(pooled):
    mine, theirs = _start(pooled, pooled.student), _start(pooled, pooled.classmate)
    assert len(mine["items"]) == len(theirs["items"]) == 4 and mine["max_score"] == 4
    assert [i["skill"] for i in mine["items"]] == ["6.add2", "6.add2", "6.alone", "6.alone"]
    a = ItemInstance.objects.filter(pk__in=[i["id"] for i in mine["items"]])
    b = ItemInstance.objects.filter(pk__in=[i["id"] for i in theirs["items"]])
    # One template (and so one difficulty) per pool for everyone; other seeds, so other numbers.
    assert {(i.skill.code, i.template.key, i.difficulty) for i in a} == {
        (i.skill.code, i.template.key, i.difficulty) for i in b
    }
    assert {i.difficulty for i in a} == {2}
    assert {i.seed for i in a}.isdisjoint({i.seed for i in b})
    assert all(i.sealed and i.purpose == "homework" for i in a)
    for item in mine["items"]:
        assert not {"key", "solution", "answer", "hints"} & set(item) and not item["saved_answer"]
    assert mine["item_results"] == [] and mine["results"] == []


def test_nothing_in_the_trainer_reveals_a_sealed_item(pooled):
    sitting = _start(pooled, pooled.student)
    item_id = sitting["items"][0]["id"]
    api = api_as(pooled.student)
    for path, body in [
        (f"/api/v1/items/{item_id}/answer", {"answer": "1"}),
        (f"/api/v1/items/{item_id}/hint", {}),
        (f"/api/v1/items/{item_id}/solution", {}),
    ]:
        response = api.post(path, body, format="json")
        assert response.status_code == 400 and "open test or homework" in response.json()["message"], path
    detail = api.get(f"/api/v1/items/{item_id}").json()
    assert detail["solution"] == [] and detail["answer"] is None and detail["hints"] == []
    # The same skill is not practised meanwhile (its hints and written items would show the work).
    practice = api.post("/api/v1/skills/6.add2/items", {}, format="json")
    assert practice.status_code == 400 and "Submit it first" in practice.json()["message"]
    assert not ItemAttempt.objects.filter(instance_id=item_id).exists()
    assert api.post("/api/v1/skills/5.add/items", {}, format="json").status_code == 201


def test_answers_are_saved_as_typed_and_shown_again(pooled, client):
    sitting = _start(pooled, pooled.student)
    first = sitting["items"][0]["id"]
    client.force_login(pooled.student)
    save = client.post(reverse("learning:submission_save", args=[sitting["id"]]), {f"item_{first}": "12"})
    assert save.status_code == 200 and save.json()["saved"] and save.json()["message"].startswith("Saved at")
    page = client.get(reverse("learning:submission", args=[sitting["id"]])).content.decode()
    assert 'value="12"' in page and 'id="sitting-countdown"' not in page  # no time limit: no countdown
    assert "learning/sitting.js" in page and "4 questions" in page
    again = api_as(pooled.student).get(f"/api/v1/submissions/{sitting['id']}").json()
    assert again["saved_answers"] == {f"item_{first}": "12"} and again["items"][0]["saved_answer"] == "12"
    # An empty answer clears it; another sitting's fields are refused.
    api_as(pooled.student).post(f"/api/v1/submissions/{sitting['id']}/save", {"answers": {first: ""}}, format="json")
    assert Submission.objects.get(pk=sitting["id"]).drafts == {}
    bad = api_as(pooled.student).post(
        f"/api/v1/submissions/{sitting['id']}/save", {"answers": {"999999": "1"}}, format="json"
    )
    assert bad.status_code == 400


def test_an_outsider_cannot_see_or_save_a_sitting(pooled, client):
    sitting = _start(pooled, pooled.student)
    assert api_as(pooled.classmate).get(f"/api/v1/submissions/{sitting['id']}").status_code == 404
    assert (
        api_as(pooled.classmate)
        .post(f"/api/v1/submissions/{sitting['id']}/save", {"answers": {}}, format="json")
        .status_code
        == 404
    )
    client.force_login(pooled.classmate)
    assert client.post(reverse("learning:submission_save", args=[sitting["id"]]), {}).status_code == 404
    assert (
        api_as(pooled.student)
        .post(f"/api/v1/items/{sitting['items'][0]['id']}/answer", {"answer": "1"}, format="json")
        .status_code
        == 400
    )


def test_submitting_judges_every_item_exactly_and_opens_the_solutions(pooled):
    sitting = _start(pooled, pooled.student)
    instances = {str(i.pk): i for i in ItemInstance.objects.filter(pk__in=[i["id"] for i in sitting["items"]])}
    ids = [i["id"] for i in sitting["items"]]
    api = api_as(pooled.student)
    # An unreadable answer refuses the submission and changes nothing.
    bad = api.post(
        f"/api/v1/submissions/{sitting['id']}/submit", {"answers": {ids[0]: "twelve and a bit"}}, format="json"
    )
    assert bad.status_code == 400 and f"item_{ids[0]}" in bad.json()["errors"]
    assert ItemInstance.objects.filter(pk__in=ids, sealed=True).count() == 4
    answers = {ids[0]: instances[ids[0]].key, ids[1]: f"x = {instances[ids[1]].key}", ids[2]: "1"}
    done = api.post(f"/api/v1/submissions/{sitting['id']}/submit", {"answers": answers}, format="json").json()
    assert (done["score"], done["max_score"]) == (2, 4) and done["submitted_at"]
    assert [r["correct"] for r in done["item_results"]] == [True, True, False, False]
    assert all(r["solution"] and r["correct_answer"] for r in done["item_results"])
    assert done["items"] == [] and done["saved_answers"] == {}
    closed = ItemInstance.objects.filter(pk__in=ids)
    assert not closed.filter(sealed=True).exists() and not closed.filter(status="open").exists()
    # Readable first answers count for mastery (three answered; the empty one does not count).
    assert sum(SkillMastery.objects.filter(student=pooled.student).values_list("counted", flat=True)) == 3
    assert api.post("/api/v1/skills/6.add2/items", {}, format="json").status_code == 201


def test_time_running_out_submits_the_saved_answers(pooled):
    pooled.pooled.time_limit_minutes = 10
    pooled.pooled.save()
    sitting = _start(pooled, pooled.classmate)
    assert sitting["ends_at"]
    first = ItemInstance.objects.get(pk=sitting["items"][0]["id"])
    services.submission_drafts_save(
        actor=pooled.classmate, submission=Submission.objects.get(pk=sitting["id"]), answers={str(first.pk): first.key}
    )
    assert submissions_close_expired() == 0
    Submission.objects.filter(pk=sitting["id"]).update(deadline_at=timezone.now() - timedelta(minutes=5))
    assert submissions_close_expired() == 1 and submissions_close_expired() == 0
    closed = Submission.objects.get(pk=sitting["id"])
    assert closed.closed_automatically and (closed.score, closed.max_score) == (1, 4)


def test_a_timed_sitting_shows_a_countdown(pooled, client):
    pooled.pooled.time_limit_minutes = 10
    pooled.pooled.save()
    sitting = _start(pooled, pooled.classmate)
    client.force_login(pooled.classmate)
    page = client.get(reverse("learning:submission", args=[sitting["id"]])).content.decode()
    assert 'id="sitting-countdown" data-seconds="' in page and "Time left" in page


def test_retakes_follow_the_teachers_rule(pooled):
    api = api_as(pooled.student)
    first = _start(pooled, pooled.student)
    api.post(f"/api/v1/submissions/{first['id']}/submit", {"answers": {}}, format="json")
    # Starting again without asking for a retake returns the submitted sitting.
    assert api.post(f"/api/v1/homework/{pooled.pooled.pk}/start", {}, format="json").json()["id"] == first["id"]
    second = api.post(f"/api/v1/homework/{pooled.pooled.pk}/start", {"retake": True}, format="json").json()
    assert second["attempt_no"] == 2 and second["id"] != first["id"]
    assert {i["id"] for i in second["items"]}.isdisjoint({i["id"] for i in first["items"]})
    keys = {str(i.pk): i.key for i in ItemInstance.objects.filter(pk__in=[i["id"] for i in second["items"]])}
    api.post(f"/api/v1/submissions/{second['id']}/submit", {"answers": keys}, format="json")
    third = api.post(f"/api/v1/homework/{pooled.pooled.pk}/start", {"retake": True}, format="json")
    assert third.status_code == 400 and "all the attempts" in third.json()["message"]
    # The board shows the attempt that counts (the best, by default).
    board = class_board(viewer=pooled.teacher, class_id=pooled.class_a.pk)
    column = [c.assignment.pk for c in board.columns].index(pooled.pooled.pk)
    row = next(r for r in board.rows if r.student_id == pooled.student.pk)
    assert row.cells[column].percent == 100


def test_a_task_of_an_open_sitting_cannot_be_practised(world):
    # world.other_submission is Oleg's open homework with the percent task.
    api = api_as(world.other_student)
    response = api.post(f"/api/v1/tasks/{world.tasks['percent'].pk}/attempts", {"answer": "25"}, format="json")
    assert response.status_code == 400 and "open test or homework" in response.json()["message"]
    services.submission_submit(actor=world.other_student, submission=world.other_submission, answers={})
    assert (
        api.post(f"/api/v1/tasks/{world.tasks['percent'].pk}/attempts", {"answer": "25"}, format="json").status_code
        == 201
    )


def test_the_web_form_sets_pooled_homework(world, skills, client):  # noqa: F811
    client.force_login(world.teacher)
    url = reverse("learning:homework_create", args=[world.class_a.pk])
    page = client.get(url).content.decode()
    assert 'value="6.add2"' in page and "Skills from the trainer" in page
    due = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    bad = client.post(url, {"title": "Pool", "due_at": due, "skills": ["6.add2"], "items_per_skill": "40"})
    assert bad.status_code == 200 and "Pool" not in [a.title for a in world.class_a.assignments.all()]
    good = client.post(
        url, {"title": "Pool", "due_at": due, "skills": ["6.add2"], "items_per_skill": "2", "max_attempts": "3"}
    )
    assert good.status_code == 302
    assignment = world.class_a.assignments.get(title="Pool")
    assert assignment.max_attempts == 3 and [(s.skill.code, s.count) for s in assignment.slots.all()] == [("6.add2", 2)]
