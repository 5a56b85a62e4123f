"""Learning API: the teacher's board and per-student view (P5.4.b), the parent's view (P5.4.c), entitlements."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.learning import selectors
from qalan.learning.api.content import RefOut
from qalan.learning.api.progress import ProgressOut, progress_data
from qalan.schools.api import PersonOut

# --- The teacher's board and the per-student view (P5.4.b) -------------------------------


class CellOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["submitted", "started", "missed", "open"])
    percent = serializers.IntegerField(allow_null=True)


class BoardRowOut(serializers.Serializer):
    student = PersonOut()
    disclosed = serializers.BooleanField(
        help_text="False: the student withdrew consent to show results; cells are null."
    )
    submitted = serializers.IntegerField()
    cells = CellOut(many=True, allow_null=True)


class BoardColumnOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    due_at = serializers.DateTimeField()
    submitted = serializers.IntegerField()
    average_percent = serializers.IntegerField(allow_null=True)


class BoardOut(serializers.Serializer):
    school_class = RefOut()
    assignments = BoardColumnOut(many=True)
    rows = BoardRowOut(many=True)


def board_data(board) -> dict:
    return {
        "school_class": {"id": board.school_class.pk, "name": board.school_class.name},
        "assignments": [
            {
                "id": c.assignment.pk,
                "title": c.assignment.title,
                "due_at": c.assignment.due_at,
                "submitted": c.submitted,
                "average_percent": c.average_percent,
            }
            for c in board.columns
        ],
        "rows": [
            {
                "student": {"id": r.student_id, "name": r.name},
                "disclosed": r.disclosed,
                "submitted": r.submitted,
                "cells": [{"status": c.status, "percent": c.percent} if c else None for c in r.cells],
            }
            for r in board.rows
        ],
    }


class ClassBoardView(APIView):
    @extend_schema(responses={200: BoardOut}, summary="Class x homework board: completion and results (teacher)")
    def get(self, request, class_id: int):
        return Response(board_data(selectors.class_board(viewer=request.user, class_id=class_id)))


class HomeworkStatusOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    school_class = serializers.CharField()
    due_at = serializers.DateTimeField()
    status = serializers.CharField()
    percent = serializers.IntegerField(allow_null=True)


class RecentOut(serializers.Serializer):
    topic = serializers.CharField()
    correct = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class StudentReportOut(serializers.Serializer):
    student = PersonOut()
    disclosed = serializers.BooleanField(help_text="False: the student withdrew consent; only the name is shown.")
    message = serializers.CharField(allow_null=True)
    progress = ProgressOut(allow_null=True)
    homework_done = serializers.IntegerField(allow_null=True)
    homework_missed = serializers.IntegerField(allow_null=True)
    homework = HomeworkStatusOut(many=True)
    recent = RecentOut(many=True)


def report_data(report) -> dict:
    """Name, results, completion and progress only: never contacts or date of birth (P5.4.b)."""
    if not report.disclosed:
        return {
            "student": {"id": report.student_id, "name": report.name},
            "disclosed": False,
            "message": _("%(name)s has withdrawn consent to show learning results to teachers and parents.")
            % {"name": report.name},
            "progress": None,
            "homework_done": None,
            "homework_missed": None,
            "homework": [],
            "recent": [],
        }
    return {
        "student": {"id": report.student_id, "name": report.name},
        "disclosed": True,
        "message": None,
        "progress": progress_data(report.progress),
        "homework_done": report.homework_done,
        "homework_missed": report.homework_missed,
        "homework": [
            {
                "id": h.assignment.pk,
                "title": h.assignment.title,
                "school_class": h.assignment.school_class.name,
                "due_at": h.assignment.due_at,
                "status": h.status,
                "percent": h.percent,
            }
            for h in report.homework
        ],
        "recent": [
            {"topic": a.task.topic.name, "correct": a.is_correct, "created_at": a.created_at} for a in report.recent
        ],
    }


class StudentReportView(APIView):
    @extend_schema(
        responses={200: StudentReportOut}, summary="One student of my class: results, completion, progress (teacher)"
    )
    def get(self, request, class_id: int, student_id: int):
        _school_class, report = selectors.student_report_for_teacher(
            viewer=request.user, class_id=class_id, student_id=student_id
        )
        return Response(report_data(report))


# --- Parents (P5.4.c) ---------------------------------------------------------------------


class ChildSummaryOut(serializers.Serializer):
    child = PersonOut()
    disclosed = serializers.BooleanField()
    answers_this_week = serializers.IntegerField()
    accuracy_this_week_percent = serializers.IntegerField(allow_null=True)
    last_active = serializers.DateTimeField(allow_null=True)
    homework_open = serializers.IntegerField()


class ChildrenView(APIView):
    @extend_schema(responses={200: ChildSummaryOut(many=True)}, summary="My linked children and their week (parent)")
    def get(self, request):
        return Response(
            [
                {
                    "child": {"id": c.child_id, "name": c.name},
                    "disclosed": c.disclosed,
                    "answers_this_week": c.attempts_week,
                    "accuracy_this_week_percent": c.accuracy_week_percent,
                    "last_active": c.last_active,
                    "homework_open": c.homework_open,
                }
                for c in selectors.children_overview(viewer=request.user)
            ]
        )


class ChildReportView(APIView):
    @extend_schema(responses={200: StudentReportOut}, summary="My child's activity, results and homework (parent)")
    def get(self, request, child_id: int):
        return Response(report_data(selectors.child_report(viewer=request.user, child_id=child_id)))


class EntitlementOut(serializers.Serializer):
    kind = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    active = serializers.BooleanField()


class EntitlementListView(APIView):
    @extend_schema(responses={200: EntitlementOut(many=True)}, summary="My access to extended content")
    def get(self, request):
        now = timezone.now()
        return Response(
            [
                {
                    "kind": e.kind,
                    "starts_at": e.starts_at,
                    "ends_at": e.ends_at,
                    "active": e.revoked_at is None and e.starts_at <= now and (e.ends_at is None or e.ends_at > now),
                }
                for e in selectors.entitlements_for(viewer=request.user)
            ]
        )
