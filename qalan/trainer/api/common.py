"""Shared pieces of the trainer API: the student-only permission and small serializers."""

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.permissions import BasePermission

from qalan.accounts.models import Role
from qalan.trainer.models import MasteryLevel


class IsStudent(BasePermission):
    """Practising is for students; teachers and parents read maps instead (403, not 404:
    nothing about another person is revealed)."""

    def has_permission(self, request, view) -> bool:
        self.message = _("Only students practise in the trainer. Sign in with a student account.")
        return request.user.is_authenticated and request.user.has_role(Role.STUDENT)


def student_permissions(view_class):
    from rest_framework.settings import api_settings

    view_class.permission_classes = [*api_settings.DEFAULT_PERMISSION_CLASSES, IsStudent]
    return view_class


def grade_param(request, default: int | None) -> int | None:
    raw = request.query_params.get("grade", "")
    if raw.isdigit() and 1 <= int(raw) <= 11:
        return int(raw)
    if raw:
        from django.core.exceptions import ValidationError

        raise ValidationError({"grade": [_("Choose a grade from 1 to 11.")]})
    return default


class TrainerMasteryOut(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    level = serializers.ChoiceField(choices=MasteryLevel.values)
