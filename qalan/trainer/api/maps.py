"""Trainer API for maps: the student's own, a linked parent's view of a child, the teacher's
class map, and the class leaderboard of mastery gained."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.trainer import selectors
from qalan.trainer.api.common import grade_param, student_permissions
from qalan.trainer.api.items import GRADE, TrainerSkillOut, skill_row_data
from qalan.trainer.models import FocusSession, MasteryLevel


class TrainerNextOut(serializers.Serializer):
    skill = serializers.CharField()
    title = serializers.CharField()
    reason = serializers.ChoiceField(choices=FocusSession.Reason.values)


class TrainerMapOut(serializers.Serializer):
    grade = serializers.IntegerField()
    student_id = serializers.IntegerField()
    name = serializers.CharField()
    disclosed = serializers.BooleanField(
        help_text="False when the student withdrew disclosure to parents and teachers."
    )
    skills = TrainerSkillOut(many=True)
    next = TrainerNextOut(allow_null=True, help_text="What to practise next.")


def map_data(knowledge) -> dict:
    nxt = knowledge.next
    return {
        "grade": knowledge.grade,
        "student_id": knowledge.student_id,
        "name": knowledge.name,
        "disclosed": knowledge.disclosed,
        "skills": [skill_row_data(r) for r in knowledge.rows],
        "next": {"skill": nxt.skill.code, "title": nxt.skill.title_in(), "reason": nxt.reason} if nxt else None,
    }


@student_permissions
class MyMapView(APIView):
    @extend_schema(parameters=[GRADE], responses={200: TrainerMapOut}, summary="My knowledge map of a grade")
    def get(self, request):
        grade = grade_param(request, selectors.student_grade(request.user) or 1)
        return Response(map_data(selectors.knowledge_map(student=request.user, grade=grade)))


class ChildMapView(APIView):
    @extend_schema(
        parameters=[GRADE], responses={200: TrainerMapOut}, summary="A linked child's knowledge map (parents)"
    )
    def get(self, request, child_id: int):
        grade = grade_param(request, None)
        return Response(map_data(selectors.child_map(viewer=request.user, child_id=child_id, grade=grade)))


class TrainerClassMapRowOut(serializers.Serializer):
    student_id = serializers.IntegerField()
    name = serializers.CharField()
    disclosed = serializers.BooleanField()
    levels = serializers.ListField(
        child=serializers.ChoiceField(choices=MasteryLevel.values, allow_null=True),
        help_text="One level per skill, in the order of `skills` (null when not disclosed).",
    )


class TrainerStruggleOut(serializers.Serializer):
    skill = serializers.CharField()
    title = serializers.CharField()
    students = serializers.IntegerField(help_text="Students who tried it and are not yet familiar with it.")


class TrainerClassMapOut(serializers.Serializer):
    class_id = serializers.IntegerField()
    grade = serializers.IntegerField()
    skills = TrainerSkillOut(many=True)
    students = TrainerClassMapRowOut(many=True)
    struggling = TrainerStruggleOut(many=True)


class ClassMapView(APIView):
    @extend_schema(
        parameters=[GRADE], responses={200: TrainerClassMapOut}, summary="Students x skills of my class (teachers)"
    )
    def get(self, request, class_id: int):
        grade = grade_param(request, None)
        board = selectors.class_map(viewer=request.user, class_id=class_id, grade=grade)
        return Response(
            {
                "class_id": board.school_class.pk,
                "grade": board.grade,
                "skills": [skill_row_data(r) for r in board.skills],
                "students": [
                    {"student_id": r.student_id, "name": r.name, "disclosed": r.disclosed, "levels": r.levels}
                    for r in board.rows
                ],
                "struggling": [
                    {"skill": s.skill.code, "title": s.skill.title_in(), "students": s.students}
                    for s in board.struggling
                ],
            }
        )


class TrainerGainOut(serializers.Serializer):
    student_id = serializers.IntegerField()
    name = serializers.CharField()
    gained = serializers.IntegerField(help_text="Mastery points gained in the last 7 days.")
    is_me = serializers.BooleanField()


class ClassMasteryLeaderboardView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("days", int, description="The window in days (default 7)")],
        responses={200: TrainerGainOut(many=True)},
        summary="The class ranked by mastery gained (never by the number of answers)",
    )
    def get(self, request, class_id: int):
        raw = request.query_params.get("days", "7")
        days = min(90, max(1, int(raw))) if raw.isdigit() else 7
        rows = selectors.class_mastery_leaderboard(viewer=request.user, class_id=class_id, days=days)
        return Response(
            [{"student_id": r.student_id, "name": r.name, "gained": r.gained, "is_me": r.is_viewer} for r in rows]
        )
