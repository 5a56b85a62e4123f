"""Learning API: tests and their sittings: start, the items drawn, answers saved as typed, submit."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.learning import selectors, services
from qalan.learning.api.content import RefOut, TaskOut, task_data
from qalan.learning.grading import answer_display, correct_answer_display
from qalan.learning.models import Submission
from qalan.learning.sittings import sitting_ends_at
from qalan.learning.sittings import submission_time_is_up as sitting_time_is_up
from qalan.trainer.presenting import item_data

# --- Tests and submissions ----------------------------------------------------------------


class QuizOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    topic = RefOut(allow_null=True)
    time_limit_minutes = serializers.IntegerField(allow_null=True)
    task_count = serializers.IntegerField()
    is_extended = serializers.BooleanField()


class QuizListView(APIView):
    @extend_schema(responses={200: QuizOut(many=True)}, summary="Tests I can take")
    def get(self, request):
        return Response(
            [
                {
                    "id": q.pk,
                    "title": q.title,
                    "topic": {"id": q.topic_id, "name": q.topic.name} if q.topic else None,
                    "time_limit_minutes": q.time_limit_minutes,
                    "task_count": q.task_count,
                    "is_extended": q.is_extended,
                }
                for q in selectors.quizzes_list()
            ]
        )


class ResultOut(serializers.Serializer):
    task_id = serializers.IntegerField()
    correct = serializers.BooleanField()
    your_answer = serializers.CharField(allow_blank=True)
    correct_answer = serializers.CharField()
    explanation = serializers.CharField(allow_blank=True)


class SittingChoiceOut(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class SittingItemOut(serializers.Serializer):
    id = serializers.CharField(help_text="Answer it under this id in `answers` (saving or submitting).")
    skill = serializers.CharField()
    prompt = serializers.CharField()
    prompt_html = serializers.CharField(help_text="The prompt with its TeX rendered as MathML.")
    format = serializers.CharField(help_text="How `prompt` is written: tex (TeX between $...$).")
    answer_form = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    choices = SittingChoiceOut(many=True)
    figure = serializers.CharField(allow_blank=True)
    saved_answer = serializers.CharField(allow_blank=True)


class SittingItemResultOut(serializers.Serializer):
    id = serializers.CharField()
    correct = serializers.BooleanField()
    your_answer = serializers.CharField(allow_blank=True)
    correct_answer = serializers.CharField(allow_blank=True)
    solution = serializers.ListField(child=serializers.CharField())


class SubmissionOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["homework", "test"])
    title = serializers.CharField()
    started_at = serializers.DateTimeField()
    deadline_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    score = serializers.IntegerField(allow_null=True)
    max_score = serializers.IntegerField()
    tasks = TaskOut(many=True)
    items = SittingItemOut(
        many=True, help_text="Trainer items drawn for this sitting (fresh numbers for each student)."
    )
    ends_at = serializers.DateTimeField(
        allow_null=True, help_text="When answers stop being accepted (time limit or due date)."
    )
    attempt_no = serializers.IntegerField()
    saved_answers = serializers.DictField(child=serializers.JSONField(), help_text="Answers saved so far, by field.")
    drafts_saved_at = serializers.DateTimeField(allow_null=True)
    closed_automatically = serializers.BooleanField(help_text="Time ran out and the saved answers were submitted.")
    results = ResultOut(many=True, help_text="After submission: each task's result.")
    item_results = SittingItemResultOut(
        many=True, help_text="After submission: each item's result and worked solution."
    )


def submission_title(submission: Submission) -> str:
    return submission.assignment.title if submission.assignment_id else submission.quiz.title


def submission_data(submission: Submission) -> dict:
    if submission.submitted_at is None and sitting_time_is_up(submission):
        services.submission_close(submission=submission)
        submission.refresh_from_db()
    tasks = selectors.submission_tasks(submission=submission)
    items = selectors.submission_items(submission=submission)
    drafts = submission.drafts or {}
    results = []
    if submission.submitted_at:
        attempts = selectors.submission_attempts(submission=submission)
        for task in tasks:
            attempt = attempts.get(task.pk)
            results.append(
                {
                    "task_id": task.pk,
                    "correct": bool(attempt and attempt.is_correct),
                    "your_answer": answer_display(task, attempt.answer) if attempt else "",
                    "correct_answer": correct_answer_display(task),
                    "explanation": task.explanation,
                }
            )
    return {
        "id": submission.pk,
        "kind": "homework" if submission.assignment_id else "test",
        "title": submission_title(submission),
        "started_at": submission.started_at,
        "deadline_at": submission.deadline_at,
        "due_at": submission.assignment.due_at if submission.assignment_id else None,
        "submitted_at": submission.submitted_at,
        "score": submission.score,
        "max_score": submission.max_score,
        "tasks": [task_data(t) for t in tasks],
        "items": [_sitting_item(item, drafts) for item in items] if not submission.submitted_at else [],
        "ends_at": sitting_ends_at(submission),
        "attempt_no": submission.attempt_no,
        "saved_answers": drafts if not submission.submitted_at else {},
        "drafts_saved_at": submission.drafts_saved_at,
        "closed_automatically": submission.closed_automatically,
        "results": results,
        "item_results": [_sitting_result(item) for item in items] if submission.submitted_at else [],
    }


def _sitting_item(item, drafts: dict) -> dict:
    shown = item_data(item.instance)
    saved = drafts.get(item.field_name, "")
    return {
        "id": str(item.instance_id),
        "skill": shown["skill"],
        "prompt": shown["prompt"],
        "prompt_html": shown["prompt_html"],
        "format": shown["format"],
        "answer_form": shown["answer_form"],
        "unit": shown["unit"],
        "choices": shown["choices"],
        "figure": shown["figure"],
        "saved_answer": ",".join(saved) if isinstance(saved, list) else str(saved),
    }


def _sitting_result(item) -> dict:
    shown = item_data(item.instance)
    answered = item.instance.attempts.order_by("-created_at").first()
    return {
        "id": str(item.instance_id),
        "correct": item.instance.result == "right",
        "your_answer": answered.answer if answered else "",
        "correct_answer": shown["answer"] or "",
        "solution": shown["solution"],
    }


class QuizStartView(APIView):
    @extend_schema(request=None, responses={201: SubmissionOut}, summary="Start a test (the time limit starts now)")
    def post(self, request, quiz_id: int):
        quiz = selectors.quiz_get(quiz_id=quiz_id)
        submission = services.submission_start(actor=request.user, quiz=quiz)
        return Response(submission_data(submission), status=status.HTTP_201_CREATED)


class SubmissionDetailView(APIView):
    @extend_schema(
        responses={200: SubmissionOut}, summary="One of my tests or homework: tasks, and results once submitted"
    )
    def get(self, request, submission_id: int):
        return Response(submission_data(selectors.submission_get(viewer=request.user, submission_id=submission_id)))


class SubmitIn(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Task id or item id -> answer (see the practice endpoint; an item's answer is text, a choice item's "
        "the choice id). Answers saved before are used for what is missing; what is still missing counts as wrong.",
    )


class SaveIn(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Task id or item id -> answer as typed so far; an empty answer clears it.",
    )


class SaveOut(serializers.Serializer):
    saved_at = serializers.DateTimeField()
    saved_answers = serializers.DictField(child=serializers.JSONField())


class SubmissionSaveView(APIView):
    @extend_schema(
        request=SaveIn, responses={200: SaveOut}, summary="Save answers as they are typed (submitted if time runs out)"
    )
    def post(self, request, submission_id: int):
        submission = selectors.submission_get(viewer=request.user, submission_id=submission_id)
        data = SaveIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_drafts_save(
            actor=request.user, submission=submission, answers=data.validated_data["answers"]
        )
        return Response({"saved_at": submission.drafts_saved_at, "saved_answers": submission.drafts})


class SubmissionSubmitView(APIView):
    @extend_schema(request=SubmitIn, responses={200: SubmissionOut}, summary="Submit all answers: graded at once")
    def post(self, request, submission_id: int):
        submission = selectors.submission_get(viewer=request.user, submission_id=submission_id)
        data = SubmitIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_submit(actor=request.user, submission=submission, answers=data.validated_data["answers"])
        return Response(submission_data(submission))
