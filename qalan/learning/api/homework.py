"""Learning API: homework: a student's list, a class's homework, setting it, its due date, starting it."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.learning import selectors, services
from qalan.learning.api.content import RefOut
from qalan.learning.api.sittings import SubmissionOut, submission_data
from qalan.learning.models import Assignment
from qalan.schools import selectors as school_selectors

# --- Homework -----------------------------------------------------------------------------


class HomeworkOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    school_class = RefOut()
    due_at = serializers.DateTimeField()
    time_limit_minutes = serializers.IntegerField(allow_null=True)
    task_count = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=["open", "started", "submitted", "missed", "set"], help_text="'set' for the teacher."
    )
    score = serializers.IntegerField(allow_null=True)
    max_score = serializers.IntegerField(allow_null=True)
    submission_id = serializers.IntegerField(allow_null=True)


def homework_student_data(assignment) -> dict:
    if assignment.my_submitted_at:
        state = "submitted"
    elif assignment.due_at < timezone.now():
        state = "missed"
    else:
        state = "started" if assignment.my_submission_id else "open"
    return {
        "id": assignment.pk,
        "title": assignment.title,
        "school_class": {"id": assignment.school_class_id, "name": assignment.school_class.name},
        "due_at": assignment.due_at,
        "time_limit_minutes": assignment.time_limit_minutes,
        "task_count": assignment.task_count,
        "status": state,
        "score": assignment.my_score,
        "max_score": assignment.my_max_score,
        "submission_id": assignment.my_submission_id,
    }


def homework_teacher_data(assignment, school_class) -> dict:
    return {
        "id": assignment.pk,
        "title": assignment.title,
        "school_class": {"id": school_class.pk, "name": school_class.name},
        "due_at": assignment.due_at,
        "time_limit_minutes": assignment.time_limit_minutes,
        "task_count": assignment.task_count,
        "status": "set",
        "score": None,
        "max_score": None,
        "submission_id": None,
    }


class HomeworkListView(APIView):
    @extend_schema(responses={200: HomeworkOut(many=True)}, summary="My homework: open, started, submitted or missed")
    def get(self, request):
        return Response([homework_student_data(a) for a in selectors.homework_for_student(student=request.user)])


class HomeworkIn(serializers.Serializer):
    title = serializers.CharField(max_length=200, allow_blank=True)
    due_at = serializers.DateTimeField()
    tasks = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    quiz = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Set a test instead of tasks."
    )
    time_limit_minutes = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=300
    )
    skills = serializers.ListField(
        child=serializers.CharField(max_length=40),
        required=False,
        default=list,
        max_length=10,
        help_text="Trainer skill codes: every student gets fresh items of each.",
    )
    items_per_skill = serializers.IntegerField(required=False, default=3, min_value=1, max_value=10)
    difficulty = serializers.IntegerField(required=False, default=1, min_value=1, max_value=3)
    max_attempts = serializers.IntegerField(required=False, default=1, min_value=1, max_value=5)
    result_rule = serializers.ChoiceField(choices=["best", "last"], required=False, default="best")


class ClassHomeworkView(APIView):
    @extend_schema(responses={200: HomeworkOut(many=True)}, summary="A class's homework (its teacher or students)")
    def get(self, request, class_id: int):
        school_class = school_selectors.class_get(viewer=request.user, class_id=class_id)
        if school_selectors.is_teacher_of(teacher=request.user, school_class=school_class):
            return Response(
                [
                    homework_teacher_data(a, school_class)
                    for a in selectors.assignments_for_class(viewer=request.user, school_class=school_class)
                ]
            )
        return Response(
            [
                homework_student_data(a)
                for a in selectors.homework_for_student(student=request.user)
                if a.school_class_id == class_id
            ]
        )

    @extend_schema(request=HomeworkIn, responses={201: HomeworkOut}, summary="Set homework for my class (teacher)")
    def post(self, request, class_id: int):
        school_class = school_selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
        data = HomeworkIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        quiz = selectors.quiz_get(quiz_id=values["quiz"]) if values["quiz"] else None
        assignment = services.assignment_create(
            actor=request.user,
            school_class=school_class,
            title=values["title"],
            due_at=values["due_at"],
            task_ids=values["tasks"],
            quiz=quiz,
            time_limit_minutes=values["time_limit_minutes"],
            skill_codes=values["skills"],
            items_per_skill=values["items_per_skill"],
            difficulty=values["difficulty"],
            max_attempts=values["max_attempts"],
            result_rule=values["result_rule"],
        )
        assignment.task_count = assignment.items.count() + sum(slot.count for slot in assignment.slots.all())
        return Response(homework_teacher_data(assignment, school_class), status=status.HTTP_201_CREATED)


class DueIn(serializers.Serializer):
    due_at = serializers.DateTimeField()


class HomeworkDetailView(APIView):
    @extend_schema(responses={200: HomeworkOut}, summary="One homework (its class's teacher or students)")
    def get(self, request, assignment_id: int):
        assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
        assignment.task_count = assignment.items.count()
        if school_selectors.is_teacher_of(teacher=request.user, school_class=assignment.school_class):
            return Response(homework_teacher_data(assignment, assignment.school_class))
        # A student who left the class, or homework past the window: not theirs to see (404).
        mine = next(
            (
                a
                for a in selectors.homework_for_student(student=request.user, include_past_days=3650)
                if a.pk == assignment.pk
            ),
            None,
        )
        if mine is None:
            raise Http404
        return Response(homework_student_data(mine))

    @extend_schema(request=DueIn, responses={200: HomeworkOut}, summary="Change the due date (teacher)")
    def patch(self, request, assignment_id: int):
        assignment = self._teachers(request, assignment_id)
        data = DueIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.assignment_due_change(actor=request.user, assignment=assignment, due_at=data.validated_data["due_at"])
        assignment.task_count = assignment.items.count()
        return Response(homework_teacher_data(assignment, assignment.school_class))

    @extend_schema(responses={204: None}, summary="Delete homework nobody started (teacher)")
    def delete(self, request, assignment_id: int):
        services.assignment_delete(actor=request.user, assignment=self._teachers(request, assignment_id))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @staticmethod
    def _teachers(request, assignment_id: int) -> Assignment:
        assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
        if not school_selectors.is_teacher_of(teacher=request.user, school_class=assignment.school_class):
            raise Http404
        return assignment


class StartIn(serializers.Serializer):
    retake = serializers.BooleanField(
        required=False, default=False, help_text="Start the next attempt the teacher allows."
    )


class HomeworkStartView(APIView):
    @extend_schema(
        request=StartIn, responses={201: SubmissionOut}, summary="Start homework (a timed one's clock starts now)"
    )
    def post(self, request, assignment_id: int):
        assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
        data = StartIn(data=request.data or {})
        data.is_valid(raise_exception=True)
        submission = services.submission_start(
            actor=request.user, assignment=assignment, retake=data.validated_data["retake"]
        )
        return Response(submission_data(submission), status=status.HTTP_201_CREATED)
