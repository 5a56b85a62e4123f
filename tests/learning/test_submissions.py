"""Tests and homework: graded on submission; late, timed-out, repeated or ill-typed submissions
are refused and store nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from qalan.learning import services
from qalan.learning.models import Attempt, Submission
from tests.conftest import api_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def answers_for(world, *, right=True):
    single = world.tasks["single"].choices.get(is_correct=right)
    return {str(world.tasks["numeric"].pk): "3/4" if right else "1", str(world.tasks["single"].pk): single.pk}


def test_a_timed_test_starts_the_clock_and_grades_all_answers(world):
    api = api_as(world.classmate)
    started = api.post(f"/api/v1/quizzes/{world.tasks['quiz'].pk}/start").json()
    assert started["kind"] == "test" and started["deadline_at"] and started["max_score"] == 2
    assert [t["id"] for t in started["tasks"]] == [world.tasks["numeric"].pk, world.tasks["single"].pk]
    assert "correct" not in str(started["tasks"])  # no answer key before submission
    result = api.post(
        f"/api/v1/submissions/{started['id']}/submit", {"answers": answers_for(world)}, format="json"
    ).json()
    assert result["score"] == 2 and result["submitted_at"]
    assert [r["correct"] for r in result["results"]] == [True, True]
    assert result["results"][0]["explanation"] == "1/2 + 1/4 = 3/4."


def test_starting_twice_returns_the_open_sitting(world):
    first = services.submission_start(actor=world.classmate, quiz=world.tasks["quiz"])
    assert services.submission_start(actor=world.classmate, quiz=world.tasks["quiz"]) == first


def test_answers_after_the_time_limit_are_refused_and_the_saved_ones_are_submitted(world, settings):
    submission = services.submission_start(actor=world.classmate, quiz=world.tasks["quiz"])
    api = api_as(world.classmate)
    numeric = str(world.tasks["numeric"].pk)
    saved = api.post(f"/api/v1/submissions/{submission.pk}/save", {"answers": {numeric: "3/4"}}, format="json")
    assert saved.status_code == 200 and saved.json()["saved_answers"] == {f"task_{numeric}": "3/4"}
    Submission.objects.filter(pk=submission.pk).update(
        deadline_at=timezone.now() - timedelta(seconds=settings.QALAN_TEST_GRACE_SECONDS + 1)
    )
    late = answers_for(world, right=False) | {
        str(world.tasks["single"].pk): world.tasks["single"].choices.get(is_correct=True).pk
    }
    response = api.post(f"/api/v1/submissions/{submission.pk}/submit", {"answers": late}, format="json")
    assert response.status_code == 400 and response.json()["message"].startswith("Time is up")
    submission.refresh_from_db()
    # What was saved in time counts; what came after the time limit does not.
    assert submission.submitted_at and submission.closed_automatically
    assert (submission.score, submission.max_score) == (1, 2)
    assert list(submission.attempts.values_list("task_id", flat=True)) == [world.tasks["numeric"].pk]
    assert (
        api.post(f"/api/v1/submissions/{submission.pk}/save", {"answers": {numeric: "1"}}, format="json").status_code
        == 400
    )


def test_a_little_grace_covers_a_slow_connection(world):
    submission = services.submission_start(actor=world.classmate, quiz=world.tasks["quiz"])
    Submission.objects.filter(pk=submission.pk).update(deadline_at=timezone.now() - timedelta(seconds=5))
    submission.refresh_from_db()
    assert (
        services.submission_submit(actor=world.classmate, submission=submission, answers=answers_for(world)).score == 2
    )


def test_submitting_twice_is_refused(world):
    response = api_as(world.student).post(
        f"/api/v1/submissions/{world.submission.pk}/submit", {"answers": answers_for(world)}, format="json"
    )
    assert response.status_code == 400 and "already submitted" in response.json()["message"]
    assert world.submission.attempts.count() == 1


def test_an_answer_of_the_wrong_type_refuses_the_whole_submission(world):
    submission = services.submission_start(actor=world.classmate, assignment=world.assignment)
    answers = answers_for(world) | {str(world.tasks["numeric"].pk): "three quarters"}
    response = api_as(world.classmate).post(
        f"/api/v1/submissions/{submission.pk}/submit", {"answers": answers}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        f"task_{world.tasks['numeric'].pk}": ["Enter a number, for example 12, 2.5 or 3/4."]
    }
    submission.refresh_from_db()
    assert submission.submitted_at is None and not Attempt.objects.filter(submission=submission).exists()


def test_answers_to_tasks_outside_the_test_are_refused(world):
    submission = services.submission_start(actor=world.classmate, assignment=world.assignment)
    with pytest.raises(ValidationError, match="only the tasks"):
        services.submission_submit(
            actor=world.classmate, submission=submission, answers={str(world.tasks["percent"].pk): "25"}
        )


def test_unanswered_tasks_count_as_wrong(world):
    submission = services.submission_start(actor=world.classmate, assignment=world.assignment)
    services.submission_submit(
        actor=world.classmate, submission=submission, answers={str(world.tasks["numeric"].pk): "3/4"}
    )
    assert (submission.score, submission.max_score) == (1, 2)


def test_homework_after_the_due_date_cannot_be_started_or_submitted(world):
    submission = services.submission_start(actor=world.classmate, assignment=world.assignment)
    world.assignment.due_at = timezone.now() - timedelta(minutes=5)
    world.assignment.save()
    with pytest.raises(ValidationError, match="due date"):
        services.submission_submit(
            actor=world.classmate, submission=Submission.objects.get(pk=submission.pk), answers=answers_for(world)
        )
    assert not Attempt.objects.filter(submission=submission).exists()
    Submission.objects.filter(pk=submission.pk).delete()
    response = api_as(world.classmate).post(f"/api/v1/homework/{world.assignment.pk}/start")
    assert response.status_code == 400 and "due date" in response.json()["message"]
    assert not Submission.objects.filter(student=world.classmate, assignment=world.assignment).exists()


def test_homework_of_another_class_is_not_found(world):
    assert api_as(world.other_student).post(f"/api/v1/homework/{world.assignment.pk}/start").status_code == 404
    assert api_as(world.other_student).get(f"/api/v1/homework/{world.assignment.pk}").status_code == 404


def test_someone_elses_submission_is_not_found(world):
    for user in (world.classmate, world.teacher, world.parent):
        assert api_as(user).get(f"/api/v1/submissions/{world.submission.pk}").status_code == 404
        assert (
            api_as(user)
            .post(f"/api/v1/submissions/{world.submission.pk}/submit", {"answers": {}}, format="json")
            .status_code
            == 404
        )


def test_teachers_and_parents_do_not_take_tests(world):
    assert api_as(world.teacher).post(f"/api/v1/quizzes/{world.tasks['quiz'].pk}/start").status_code == 400


def test_web_homework_start_answer_and_result(client, world):
    client.force_login(world.classmate)
    response = client.post(reverse("learning:homework_start", args=[world.assignment.pk]))
    submission = Submission.objects.get(student=world.classmate, assignment=world.assignment)
    assert response["Location"] == reverse("learning:submission", args=[submission.pk])
    single = world.tasks["single"].choices.get(is_correct=True)
    bad = client.post(
        response["Location"], {f"task_{world.tasks['numeric'].pk}": "x", f"task_{world.tasks['single'].pk}": single.pk}
    )
    assert bad.status_code == 400 and "Enter a number" in bad.content.decode()
    done = client.post(
        response["Location"],
        {f"task_{world.tasks['numeric'].pk}": "3/4", f"task_{world.tasks['single'].pk}": single.pk},
    )
    assert done.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Result: 2 of 2 (100%)" in page
