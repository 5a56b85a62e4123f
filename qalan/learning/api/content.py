"""Learning API: practice content: subjects, topics, tasks and practice answers."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.core.api import ErrorResponse
from qalan.learning import selectors, services
from qalan.learning.grading import answer_display, correct_answer_display
from qalan.learning.models import Task


def _extended_locked() -> ErrorResponse:
    return ErrorResponse(
        _("This task is part of the extended content. Ask your school about extended access."), status_code=403
    )


# --- Content ------------------------------------------------------------------------------


class RefOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ChoiceOut(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()


class TaskOut(serializers.Serializer):
    id = serializers.IntegerField()
    topic = RefOut()
    kind = serializers.ChoiceField(choices=Task.Kind.values)
    text = serializers.CharField()
    choices = ChoiceOut(many=True)
    difficulty = serializers.IntegerField()
    is_extended = serializers.BooleanField()


def task_data(task: Task) -> dict:
    return {
        "id": task.pk,
        "topic": {"id": task.topic_id, "name": task.topic.name},
        "kind": task.kind,
        "text": task.text,
        "choices": [{"id": c.pk, "text": c.text} for c in task.choices.all()]
        if task.kind in (Task.Kind.SINGLE, Task.Kind.MULTIPLE)
        else [],
        "difficulty": task.difficulty,
        "is_extended": task.is_extended,
    }


class TopicOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    grade = serializers.IntegerField()
    free_count = serializers.IntegerField()
    extended_count = serializers.IntegerField()


class SubjectOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    topics = TopicOut(many=True)


class SubjectListView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "grade", int, description="Only topics of this grade (default: my profile's grade; 0 for all)"
            )
        ],
        responses={200: SubjectOut(many=True)},
        summary="Subjects and topics, personalised to my grade",
    )
    def get(self, request):
        grade = request.query_params.get("grade")
        grade = int(grade) if grade and grade.isdigit() else request.user.profile.grade
        return Response(
            [
                {
                    "id": s.pk,
                    "name": s.name,
                    "topics": [
                        {
                            "id": t.pk,
                            "name": t.name,
                            "grade": t.grade,
                            "free_count": t.free_count,
                            "extended_count": t.extended_count,
                        }
                        for t in s.topics.all()
                    ],
                }
                for s in selectors.subjects_with_topics(grade=grade or None)
            ]
        )


class TopicTaskOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    difficulty = serializers.IntegerField()
    is_extended = serializers.BooleanField()
    solved = serializers.BooleanField()
    tried = serializers.BooleanField()


class TopicTasksView(APIView):
    @extend_schema(responses={200: TopicTaskOut(many=True)}, summary="The tasks of a topic, with what I solved")
    def get(self, request, topic_id: int):
        topic = selectors.topic_get(topic_id=topic_id)
        return Response(
            [
                {
                    "id": t.pk,
                    "kind": t.kind,
                    "difficulty": t.difficulty,
                    "is_extended": t.is_extended,
                    "solved": t.solved,
                    "tried": t.tried,
                }
                for t in selectors.topic_tasks(viewer=request.user, topic=topic)
            ]
        )


class TaskDetailView(APIView):
    @extend_schema(
        responses={200: TaskOut}, summary="A task in my content language (403 for extended content without access)"
    )
    def get(self, request, task_id: int):
        task = selectors.task_get(task_id=task_id)
        if not selectors.task_can_open(viewer=request.user, task=task):
            return _extended_locked()
        return Response(task_data(task))


class AnswerIn(serializers.Serializer):
    answer = serializers.JSONField(
        help_text="single: a choice id; multiple: a list of choice ids; numeric: a number or text such as '2,5' or '3/4'; text: a string."
    )


class FeedbackOut(serializers.Serializer):
    attempt_id = serializers.IntegerField()
    correct = serializers.BooleanField()
    your_answer = serializers.CharField()
    correct_answer = serializers.CharField()
    explanation = serializers.CharField()


def feedback_data(attempt) -> dict:
    task = attempt.task
    return {
        "attempt_id": attempt.pk,
        "correct": attempt.is_correct,
        "your_answer": answer_display(task, attempt.answer),
        "correct_answer": correct_answer_display(task),
        "explanation": task.explanation,
    }


class TaskAttemptView(APIView):
    @extend_schema(
        request=AnswerIn,
        responses={201: FeedbackOut},
        summary="Answer a practice task: instant feedback and explanation",
    )
    def post(self, request, task_id: int):
        task = selectors.task_get(task_id=task_id)
        if not selectors.task_can_open(viewer=request.user, task=task):
            return _extended_locked()
        data = AnswerIn(data=request.data)
        data.is_valid(raise_exception=True)
        attempt = services.attempt_practise(actor=request.user, task=task, answer=data.validated_data["answer"])
        return Response(feedback_data(attempt), status=status.HTTP_201_CREATED)
