"""Trainer API for the student: skills, items (serve, show, answer, hint, solution), the daily
focus, diagnostics and the review queue."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.core.api import ErrorResponse
from qalan.trainer import selectors, services
from qalan.trainer.api.common import TrainerMasteryOut, grade_param, student_permissions
from qalan.trainer.models import Diagnostic, FocusSession, ItemInstance, Purpose
from qalan.trainer.presenting import item_data, mastery_data

GRADE = OpenApiParameter("grade", int, description="A grade from 1 to 11 (default: my profile's grade)")


# --- Skills ---------------------------------------------------------------------------------


class TrainerSkillOut(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    grade = serializers.IntegerField()
    prerequisites = serializers.ListField(child=serializers.CharField(), help_text="Codes of the skills needed first.")
    is_extended = serializers.BooleanField()
    mastery = TrainerMasteryOut(required=False, help_text="Only for a student: my score and level.")


def skill_row_data(row) -> dict:
    data = {
        "code": row.skill.code,
        "title": row.skill.title_in(),
        "grade": row.skill.grade,
        "prerequisites": row.prerequisites,
        "is_extended": row.skill.is_extended,
    }
    if row.level is not None:
        data["mastery"] = {"score": row.score, "level": row.level}
    return data


class SkillListView(APIView):
    @extend_schema(
        parameters=[GRADE],
        responses={200: TrainerSkillOut(many=True)},
        summary="The skills of a grade (with my mastery)",
    )
    def get(self, request):
        grade = grade_param(request, selectors.student_grade(request.user) or 1)
        return Response([skill_row_data(r) for r in selectors.skills_for(viewer=request.user, grade=grade)])


# --- Items ----------------------------------------------------------------------------------


class TrainerChoiceOut(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class TrainerItemOut(serializers.Serializer):
    id = serializers.UUIDField()
    skill = serializers.CharField()
    purpose = serializers.ChoiceField(choices=Purpose.values)
    prompt = serializers.CharField(help_text="Text with TeX between $...$.")
    prompt_html = serializers.CharField(help_text="The prompt as HTML with MathML.")
    format = serializers.ChoiceField(choices=["tex"])
    answer_form = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    choices = TrainerChoiceOut(many=True)
    lives_left = serializers.IntegerField()
    hints_available = serializers.IntegerField()
    hints = serializers.ListField(child=serializers.CharField(), help_text="Hints opened so far.")
    hint = serializers.CharField(
        allow_blank=True, help_text="The hint carried from the mistake before this similar item."
    )
    figure = serializers.CharField(allow_blank=True, help_text="An SVG drawing, or empty.")
    status = serializers.ChoiceField(choices=ItemInstance.Status.values)
    result = serializers.CharField(allow_blank=True)
    solution = serializers.ListField(
        child=serializers.CharField(), help_text="Worked solution steps, once closed or opened."
    )
    answer = serializers.CharField(allow_null=True, help_text="The right answer, only once the item is closed.")


class TrainerServeIn(serializers.Serializer):
    similar_to = serializers.UUIDField(required=False, help_text="After a wrong answer: the item this one replaces.")


def _own_instance(request, instance_id) -> ItemInstance:
    return selectors.instance_get(viewer=request.user, instance_id=instance_id)


@student_permissions
class SkillItemsView(APIView):
    @extend_schema(
        request=TrainerServeIn,
        responses={201: TrainerItemOut},
        summary="A fresh item of a skill (a similar one after a mistake)",
    )
    def post(self, request, code: str):
        skill = selectors.skill_get(code=code)
        data = TrainerServeIn(data=request.data)
        data.is_valid(raise_exception=True)
        similar_to = data.validated_data.get("similar_to")
        previous = _own_instance(request, similar_to) if similar_to else None
        instance = services.item_serve(actor=request.user, skill=skill, similar_to=previous)
        return Response(item_data(instance), status=status.HTTP_201_CREATED)


@student_permissions
class ItemDetailView(APIView):
    @extend_schema(responses={200: TrainerItemOut}, summary="One of my items (never its key while open)")
    def get(self, request, instance_id):
        return Response(item_data(_own_instance(request, instance_id)))


class TrainerAnswerIn(serializers.Serializer):
    answer = serializers.JSONField(help_text='The answer as typed (a string): "12", "3/4", or choice ids "a" / "a,c".')


class TrainerOutcomeOut(serializers.Serializer):
    result = serializers.ChoiceField(choices=["right", "wrong", "invalid"])
    message = serializers.CharField()
    lives_left = serializers.IntegerField()
    status = serializers.ChoiceField(choices=ItemInstance.Status.values)
    hint = serializers.CharField(allow_blank=True, help_text="The hint shown now, after a mistake.")
    next = serializers.ChoiceField(
        choices=["similar", "next", "done", "retry"],
        help_text="similar: serve a similar item (similar_to); next: a new item; done: the focus or diagnostic ended; retry: answer this item again.",
    )
    solution = serializers.ListField(child=serializers.CharField(), help_text="Only once the item is closed.")
    answer = serializers.CharField(allow_null=True, help_text="The right answer, once the item is closed.")
    mastery = TrainerMasteryOut()


def outcome_data(outcome) -> dict:
    item = outcome.instance
    closed = item.status == ItemInstance.Status.CLOSED
    shown = item_data(item)
    return {
        "result": outcome.result,
        "message": outcome.message,
        "lives_left": item.lives_left,
        "status": item.status,
        "hint": outcome.hint,
        "next": outcome.next,
        "solution": outcome.solution or (shown["solution"] if closed else []),
        "answer": shown["answer"],
        "mastery": mastery_data(outcome.mastery),
    }


@student_permissions
class ItemAnswerView(APIView):
    @extend_schema(
        request=TrainerAnswerIn,
        responses={200: TrainerOutcomeOut},
        summary="Answer an item (400 when it is already closed)",
    )
    def post(self, request, instance_id):
        instance = _own_instance(request, instance_id)
        data = TrainerAnswerIn(data=request.data)
        data.is_valid(raise_exception=True)
        outcome = services.item_answer(actor=request.user, instance=instance, answer=data.validated_data["answer"])
        return Response(outcome_data(outcome))


class TrainerHintOut(serializers.Serializer):
    hint = serializers.CharField()
    item = TrainerItemOut()


@student_permissions
class ItemHintView(APIView):
    @extend_schema(
        request=None, responses={200: TrainerHintOut}, summary="Open the next hint (the answer then no longer counts)"
    )
    def post(self, request, instance_id):
        instance = _own_instance(request, instance_id)
        hint = services.hint_reveal(actor=request.user, instance=instance)
        return Response({"hint": hint, "item": item_data(instance)})


class TrainerSolutionOut(serializers.Serializer):
    solution = serializers.ListField(child=serializers.CharField())
    item = TrainerItemOut()


@student_permissions
class ItemSolutionView(APIView):
    @extend_schema(
        request=None,
        responses={200: TrainerSolutionOut},
        summary="Open the worked solution (later answers no longer count)",
    )
    def post(self, request, instance_id):
        instance = _own_instance(request, instance_id)
        steps = services.solution_reveal(actor=request.user, instance=instance)
        return Response({"solution": steps, "item": item_data(instance)})


# --- Focus, review, diagnostics -------------------------------------------------------------


class TrainerFocusOut(serializers.Serializer):
    day = serializers.DateField()
    skill = serializers.CharField()
    skill_title = serializers.CharField()
    reason = serializers.ChoiceField(choices=FocusSession.Reason.values)
    status = serializers.ChoiceField(choices=FocusSession.Status.values)
    right_in_row = serializers.IntegerField()
    lives_left = serializers.IntegerField()
    items_served = serializers.IntegerField()
    streak = serializers.IntegerField(help_text="Days in a row that counted.")
    review_due = serializers.IntegerField(help_text="Skills due for review.")


def focus_data(focus, student) -> dict:
    return {
        "day": focus.day,
        "skill": focus.skill.code,
        "skill_title": focus.skill.title_in(),
        "reason": focus.reason,
        "status": focus.status,
        "right_in_row": focus.right_in_row,
        "lives_left": focus.lives_left,
        "items_served": focus.items_served,
        "streak": selectors.streak_count(student=student),
        "review_due": len(selectors.review_due(student=student)),
    }


@student_permissions
class FocusView(APIView):
    @extend_schema(responses={200: TrainerFocusOut}, summary="Today's focus (chosen on the first call of the day)")
    def get(self, request):
        focus = services.focus_today(actor=request.user)
        if focus is None:
            return ErrorResponse(
                _("There is nothing to practise for your grade yet. Choose a skill on the map."), status_code=404
            )
        return Response(focus_data(focus, request.user))


@student_permissions
class FocusItemsView(APIView):
    @extend_schema(request=None, responses={201: TrainerItemOut}, summary="The next item of today's focus")
    def post(self, request):
        instance = services.focus_item_serve(actor=request.user)
        return Response(item_data(instance), status=status.HTTP_201_CREATED)


class TrainerReviewOut(serializers.Serializer):
    skill = serializers.CharField()
    title = serializers.CharField()
    due_at = serializers.DateTimeField()
    mastery = TrainerMasteryOut()


@student_permissions
class ReviewView(APIView):
    @extend_schema(responses={200: TrainerReviewOut(many=True)}, summary="Skills due for spaced review")
    def get(self, request):
        return Response(
            [
                {
                    "skill": m.skill.code,
                    "title": m.skill.title_in(),
                    "due_at": m.review_due_at,
                    "mastery": mastery_data(m),
                }
                for m in selectors.review_due(student=request.user)
            ]
        )


class TrainerDiagnosticIn(serializers.Serializer):
    grade = serializers.IntegerField(min_value=1, max_value=11)


class TrainerDiagnosticOut(serializers.Serializer):
    id = serializers.IntegerField()
    grade = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Diagnostic.Status.values)
    items_served = serializers.IntegerField()
    known = serializers.ListField(child=serializers.CharField())
    gaps = serializers.ListField(child=serializers.CharField())


def diagnostic_data(diagnostic) -> dict:
    return {
        "id": diagnostic.pk,
        "grade": diagnostic.grade,
        "status": diagnostic.status,
        "items_served": diagnostic.items_served,
        "known": diagnostic.state.get("known", []),
        "gaps": diagnostic.state.get("gaps", []),
    }


@student_permissions
class DiagnosticListView(APIView):
    @extend_schema(
        request=TrainerDiagnosticIn,
        responses={201: TrainerDiagnosticOut},
        summary="Start (or continue) the diagnostic of a grade",
    )
    def post(self, request):
        data = TrainerDiagnosticIn(data=request.data)
        data.is_valid(raise_exception=True)
        diagnostic = services.diagnostic_start(actor=request.user, grade=data.validated_data["grade"])
        return Response(diagnostic_data(diagnostic), status=status.HTTP_201_CREATED)


@student_permissions
class DiagnosticDetailView(APIView):
    @extend_schema(responses={200: TrainerDiagnosticOut}, summary="One of my diagnostics, with what it found")
    def get(self, request, diagnostic_id: int):
        return Response(diagnostic_data(selectors.diagnostic_get(viewer=request.user, diagnostic_id=diagnostic_id)))


@student_permissions
class DiagnosticItemsView(APIView):
    @extend_schema(
        request=None,
        responses={201: TrainerItemOut, 200: TrainerDiagnosticOut},
        summary="The next probe (200 with the result once finished)",
    )
    def post(self, request, diagnostic_id: int):
        diagnostic = selectors.diagnostic_get(viewer=request.user, diagnostic_id=diagnostic_id)
        instance = services.diagnostic_next(actor=request.user, diagnostic=diagnostic)
        if instance is None:
            diagnostic.refresh_from_db()
            return Response(diagnostic_data(diagnostic))
        return Response(item_data(instance), status=status.HTTP_201_CREATED)


class TrainerHistoryOut(serializers.Serializer):
    item = serializers.UUIDField()
    skill = serializers.CharField()
    answer = serializers.CharField()
    result = serializers.CharField()
    counts = serializers.BooleanField()
    created_at = serializers.DateTimeField()


@student_permissions
class AnswerHistoryView(APIView):
    @extend_schema(responses={200: TrainerHistoryOut(many=True)}, summary="My latest answers in the trainer")
    def get(self, request):
        return Response(
            [
                {
                    "item": a.instance_id,
                    "skill": a.instance.skill.code,
                    "answer": a.answer,
                    "result": a.result,
                    "counts": a.counts,
                    "created_at": a.created_at,
                }
                for a in selectors.answers_history(student=request.user)
            ]
        )
