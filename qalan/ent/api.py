"""ENT API: the blueprint, a student's mocks and practice sets (start, questions, save, submit),
and reports for the student, a linked parent or the student's teacher (outsiders get 404)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.ent import selectors, services
from qalan.ent.blueprint import GRADES, SECTIONS, QuestionType, SectionCode
from qalan.ent.models import EntMock
from qalan.ent.presenting import question_data
from qalan.trainer.api.common import student_permissions

# --- The blueprint --------------------------------------------------------------------------


class EntPositionOut(serializers.Serializer):
    number = serializers.IntegerField()
    question_type = serializers.ChoiceField(choices=QuestionType.values)
    options = serializers.IntegerField(help_text="How many options the question shows.")
    points = serializers.IntegerField()
    skills = serializers.ListField(child=serializers.CharField(), help_text="Trainer skill codes it draws from.")


class EntSectionOut(serializers.Serializer):
    code = serializers.ChoiceField(choices=SectionCode.values)
    title = serializers.CharField()
    minutes = serializers.IntegerField()
    max_points = serializers.IntegerField()
    practice_size = serializers.IntegerField()
    practice_minutes = serializers.IntegerField()
    positions = EntPositionOut(many=True)


class EntBlueprintOut(serializers.Serializer):
    grades = serializers.ListField(child=serializers.IntegerField(), help_text="Who the track is for.")
    sections = EntSectionOut(many=True)


def blueprint_data() -> dict:
    return {
        "grades": list(GRADES),
        "sections": [
            {
                "code": s.code,
                "title": s.label,
                "minutes": s.minutes,
                "max_points": s.max_points,
                "practice_size": s.practice_size,
                "practice_minutes": s.practice_minutes(),
                "positions": [
                    {
                        "number": p.number,
                        "question_type": p.type,
                        "options": p.rule.options,
                        "points": p.points,
                        "skills": list(p.skills),
                    }
                    for p in s.positions
                ],
            }
            for s in SECTIONS.values()
        ],
    }


class BlueprintView(APIView):
    @extend_schema(responses={200: EntBlueprintOut}, summary="The ENT format: sections, questions, points, timing")
    def get(self, request):
        return Response(blueprint_data())


# --- Mocks ----------------------------------------------------------------------------------


class EntOptionOut(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField(help_text="TeX between $...$")
    text_html = serializers.CharField(help_text="MathML")
    chosen = serializers.BooleanField()
    right = serializers.BooleanField(allow_null=True, help_text="Null until the mock is submitted.")


class EntQuestionOut(serializers.Serializer):
    position = serializers.IntegerField()
    question_type = serializers.ChoiceField(choices=QuestionType.values)
    max_points = serializers.IntegerField()
    skill = serializers.CharField()
    prompt = serializers.CharField()
    prompt_html = serializers.CharField()
    format = serializers.CharField()
    figure = serializers.CharField(help_text="An SVG drawing, or empty")
    options = EntOptionOut(many=True)
    answer = serializers.CharField(help_text='The ids chosen: "b" or "a,d"')
    key = serializers.CharField(allow_null=True, help_text="Null until the mock is submitted.")
    points = serializers.IntegerField(allow_null=True)
    solution = serializers.ListField(child=serializers.CharField(), help_text="Worked solution (after submission)")


class EntMockOut(serializers.Serializer):
    id = serializers.IntegerField()
    section = serializers.ChoiceField(choices=SectionCode.values)
    kind = serializers.ChoiceField(choices=EntMock.Kind.values)
    status = serializers.ChoiceField(choices=EntMock.Status.values)
    started_at = serializers.DateTimeField()
    deadline_at = serializers.DateTimeField()
    time_left_seconds = serializers.IntegerField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    timed_out = serializers.BooleanField()
    points = serializers.IntegerField()
    max_points = serializers.IntegerField()


class EntMockDetailOut(EntMockOut):
    questions = EntQuestionOut(many=True)


def mock_data(mock: EntMock) -> dict:
    return {
        "id": mock.pk,
        "section": mock.section,
        "kind": mock.kind,
        "status": mock.status,
        "started_at": mock.started_at,
        "deadline_at": mock.deadline_at,
        "time_left_seconds": selectors.time_left_seconds(mock) if mock.status == EntMock.Status.OPEN else 0,
        "submitted_at": mock.submitted_at,
        "timed_out": mock.timed_out,
        "points": mock.points,
        "max_points": mock.max_points,
    }


def mock_detail(mock: EntMock) -> dict:
    submitted = mock.status == EntMock.Status.SUBMITTED
    return {**mock_data(mock), "questions": [question_data(i, submitted=submitted) for i in selectors.mock_items(mock)]}


class EntStartIn(serializers.Serializer):
    section = serializers.ChoiceField(choices=SectionCode.values)
    kind = serializers.ChoiceField(choices=EntMock.Kind.values, default=EntMock.Kind.MOCK)


class EntAnswersIn(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        default=dict,
        help_text='Position -> the ids chosen: {"1": "b", "31": ["a", "d"]}. Positions left out keep their saved answer.',
    )


def _own_open_checked(request, mock_id: int) -> EntMock:
    mock = selectors.mock_get_own(viewer=request.user, mock_id=mock_id)
    if mock.status == EntMock.Status.OPEN and services.time_is_up(mock):
        mock = services.mock_submit(actor=request.user, mock=mock, timed_out=True)
    return mock


@student_permissions
class MockListView(APIView):
    @extend_schema(responses={200: EntMockOut(many=True)}, summary="My ENT mocks and practice sets")
    def get(self, request):
        return Response([mock_data(m) for m in selectors.mocks_of(viewer=request.user, student_id=request.user.pk)])

    @extend_schema(
        request=EntStartIn,
        responses={201: EntMockDetailOut},
        summary="Start a mock or a practice set (or continue the open one)",
    )
    def post(self, request):
        data = EntStartIn(data=request.data)
        data.is_valid(raise_exception=True)
        mock = services.mock_start(actor=request.user, **data.validated_data)
        return Response(mock_detail(mock), status=status.HTTP_201_CREATED)


class MockDetailView(APIView):
    @extend_schema(
        responses={200: EntMockDetailOut},
        summary="A mock with its questions (the student's own; a linked parent or teacher once submitted)",
    )
    def get(self, request, mock_id: int):
        mock = selectors.mock_get(viewer=request.user, mock_id=mock_id)
        if mock.student_id == request.user.pk:
            mock = _own_open_checked(request, mock_id)
        elif mock.status == EntMock.Status.OPEN:
            return Response(mock_data(mock) | {"questions": []})
        return Response(mock_detail(mock))


class EntSavedOut(serializers.Serializer):
    saved_at = serializers.DateTimeField()
    time_left_seconds = serializers.IntegerField()


@student_permissions
class MockSaveView(APIView):
    @extend_schema(request=EntAnswersIn, responses={200: EntSavedOut}, summary="Save the answers chosen so far")
    def post(self, request, mock_id: int):
        mock = selectors.mock_get_own(viewer=request.user, mock_id=mock_id)
        data = EntAnswersIn(data=request.data)
        data.is_valid(raise_exception=True)
        mock = services.mock_save(actor=request.user, mock=mock, given=data.validated_data["answers"])
        return Response({"saved_at": mock.drafts_saved_at, "time_left_seconds": selectors.time_left_seconds(mock)})


@student_permissions
class MockSubmitView(APIView):
    @extend_schema(
        request=EntAnswersIn, responses={200: EntMockDetailOut}, summary="Submit (the saved answers count too)"
    )
    def post(self, request, mock_id: int):
        mock = selectors.mock_get_own(viewer=request.user, mock_id=mock_id)
        data = EntAnswersIn(data=request.data)
        data.is_valid(raise_exception=True)
        mock = services.mock_submit(actor=request.user, mock=mock, given=data.validated_data["answers"])
        return Response(mock_detail(mock))


class EntTypeLineOut(serializers.Serializer):
    question_type = serializers.ChoiceField(choices=QuestionType.values)
    title = serializers.CharField()
    questions = serializers.IntegerField()
    points = serializers.IntegerField()
    max_points = serializers.IntegerField()


class EntLostSkillOut(serializers.Serializer):
    skill = serializers.CharField()
    title = serializers.CharField()
    grade = serializers.IntegerField()
    lost = serializers.IntegerField(help_text="Points lost on questions of this skill.")
    positions = serializers.ListField(child=serializers.IntegerField())
    practise_url = serializers.CharField(help_text="The skill in the trainer (web).")
    map_url = serializers.CharField(help_text="The student's knowledge map of the skill's grade (web).")


class EntReportOut(serializers.Serializer):
    mock = EntMockOut()
    section_title = serializers.CharField()
    points = serializers.IntegerField()
    max_points = serializers.IntegerField()
    percent = serializers.IntegerField()
    by_type = EntTypeLineOut(many=True)
    lost = EntLostSkillOut(many=True)


def report_data(report) -> dict:
    from django.urls import reverse

    return {
        "mock": mock_data(report.mock),
        "section_title": report.section_label,
        "points": report.points,
        "max_points": report.max_points,
        "percent": report.percent,
        "by_type": [
            {
                "question_type": line.question_type,
                "title": line.label,
                "questions": line.questions,
                "points": line.points,
                "max_points": line.max_points,
            }
            for line in report.by_type
        ],
        "lost": [
            {
                "skill": row.skill.code,
                "title": row.title,
                "grade": row.skill.grade,
                "lost": row.lost,
                "positions": row.positions,
                "practise_url": reverse("trainer:practice", kwargs={"code": row.skill.code}),
                "map_url": reverse("trainer:map") + f"?grade={row.skill.grade}",
            }
            for row in report.lost
        ],
    }


class MockReportView(APIView):
    @extend_schema(
        responses={200: EntReportOut},
        summary="The report: points per kind of question and the skills behind each lost point",
    )
    def get(self, request, mock_id: int):
        return Response(report_data(selectors.report_of(viewer=request.user, mock_id=mock_id)))


class StudentMocksView(APIView):
    @extend_schema(responses={200: EntMockOut(many=True)}, summary="A linked student's ENT mocks (parent, teacher)")
    def get(self, request, student_id: int):
        return Response([mock_data(m) for m in selectors.mocks_of(viewer=request.user, student_id=student_id)])
