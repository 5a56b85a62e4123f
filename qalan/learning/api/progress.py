"""Learning API: a student's progress, recommendations and history; the class leaderboard."""

from django.db.models import prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.learning import selectors
from qalan.learning.api.content import RefOut, TaskOut, task_data
from qalan.schools.api import PersonOut

# --- Progress -----------------------------------------------------------------------------


class TopicProgressOut(serializers.Serializer):
    topic = RefOut()
    grade = serializers.IntegerField()
    attempts = serializers.IntegerField()
    accuracy_percent = serializers.IntegerField()
    mastery_percent = serializers.IntegerField()
    solved = serializers.IntegerField()
    total = serializers.IntegerField()
    weak = serializers.BooleanField()


class DayOut(serializers.Serializer):
    day = serializers.DateField()
    answers = serializers.IntegerField()


class ProgressOut(serializers.Serializer):
    attempts = serializers.IntegerField()
    accuracy_percent = serializers.IntegerField()
    streak = serializers.IntegerField()
    last_active = serializers.DateTimeField(allow_null=True)
    topics = TopicProgressOut(many=True)
    activity = DayOut(many=True)


def progress_data(progress) -> dict:
    return {
        "attempts": progress.attempts,
        "accuracy_percent": progress.accuracy_percent,
        "streak": progress.streak,
        "last_active": progress.last_active,
        "topics": [
            {
                "topic": {"id": t.topic.pk, "name": t.topic.name},
                "grade": t.topic.grade,
                "attempts": t.attempts,
                "accuracy_percent": t.accuracy_percent,
                "mastery_percent": t.mastery_percent,
                "solved": t.solved,
                "total": t.total,
                "weak": t.is_weak,
            }
            for t in progress.topics
        ],
        "activity": [{"day": day, "answers": n} for day, n in progress.activity],
    }


class ProgressView(APIView):
    @extend_schema(responses={200: ProgressOut}, summary="My mastery per topic, accuracy, streak and recent activity")
    def get(self, request):
        return Response(progress_data(selectors.progress_for(student=request.user)))


class RecommendationOut(serializers.Serializer):
    task = TaskOut()
    reason = serializers.ChoiceField(choices=["weak_topic", "new_topic"])


class RecommendationsView(APIView):
    @extend_schema(responses={200: RecommendationOut(many=True)}, summary="Tasks recommended for me next")
    def get(self, request):
        recommendations = selectors.recommendations_for(student=request.user)
        prefetch_related_objects([r.task for r in recommendations], "choices")
        return Response([{"task": task_data(r.task), "reason": r.reason} for r in recommendations])


class HistoryOut(serializers.Serializer):
    id = serializers.IntegerField()
    task_id = serializers.IntegerField()
    topic = RefOut()
    correct = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    in_test_or_homework = serializers.BooleanField()


def history_data(attempt) -> dict:
    return {
        "id": attempt.pk,
        "task_id": attempt.task_id,
        "topic": {"id": attempt.task.topic_id, "name": attempt.task.topic.name},
        "correct": attempt.is_correct,
        "created_at": attempt.created_at,
        "in_test_or_homework": attempt.submission_id is not None,
    }


class HistoryView(APIView):
    @extend_schema(responses={200: HistoryOut(many=True)}, summary="My latest answers")
    def get(self, request):
        return Response([history_data(a) for a in selectors.history_for(student=request.user, limit=100)])


class LeaderboardOut(serializers.Serializer):
    student = PersonOut()
    correct = serializers.IntegerField()
    answers = serializers.IntegerField()
    is_me = serializers.BooleanField()


class ClassLeaderboardView(APIView):
    @extend_schema(
        responses={200: LeaderboardOut(many=True)},
        summary="This week's correct answers in my class (without students who restrict dissemination)",
    )
    def get(self, request, class_id: int):
        return Response(
            [
                {
                    "student": {"id": r.student_id, "name": r.name},
                    "correct": r.correct,
                    "answers": r.answers,
                    "is_me": r.is_viewer,
                }
                for r in selectors.class_leaderboard(viewer=request.user, class_id=class_id)
            ]
        )
