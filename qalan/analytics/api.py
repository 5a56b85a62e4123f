"""API of the analytics app: anonymised aggregates for staff (P4.2, P5.6)."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.analytics import selectors


class DifficultTaskOut(serializers.Serializer):
    task = serializers.CharField(help_text="The task's key (content, not a person).")
    topic = serializers.CharField()
    grade = serializers.IntegerField()
    students = serializers.IntegerField(help_text="Distinct people who answered it; never fewer than min_group.")
    attempts = serializers.IntegerField()
    correct_percent = serializers.IntegerField(help_text="Share of those people who answered it right at least once.")


class UsageTimeOut(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="ISO weekday, 1 = Monday, in Asia/Almaty time.")
    hour = serializers.IntegerField(help_text="0-23, in Asia/Almaty time.")
    students = serializers.IntegerField(help_text="Distinct people; never fewer than min_group.")
    attempts = serializers.IntegerField()


class AggregatesOut(serializers.Serializer):
    min_group = serializers.IntegerField(help_text="K: groups of fewer people are left out.")
    difficult_tasks = DifficultTaskOut(many=True)
    difficult_tasks_suppressed = serializers.IntegerField()
    usage_times = UsageTimeOut(many=True)
    usage_times_suppressed = serializers.IntegerField()


class AggregatesView(APIView):
    @extend_schema(
        responses={200: AggregatesOut},
        summary="Anonymised usage statistics: difficult tasks and active hours (admin and DPO only)",
    )
    def get(self, request):
        return Response(AggregatesOut(selectors.usage_aggregates(viewer=request.user)).data)
