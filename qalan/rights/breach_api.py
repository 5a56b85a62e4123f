"""The breach register in the DPO's API: the same services as the web workspace; everyone
but the DPO gets 404."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.core.api import ErrorResponse
from qalan.rights import breaches
from qalan.rights.models import Incident, IncidentStatus
from qalan.rights.services.breaches import (
    INCIDENT_CATEGORIES,
    incident_alarm,
    incident_authority_notify,
    incident_people_notify,
    incident_record,
    incident_update,
)

ALARM_STATES = ["pending", "due_soon", "overdue", "notified", "notified_late"]


class IncidentOut(serializers.ModelSerializer):
    alarm = serializers.SerializerMethodField()
    people_linked = serializers.SerializerMethodField()
    people_notified = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "summary",
            "description",
            "occurred_at",
            "discovered_at",
            "categories",
            "affected_count",
            "measures",
            "status",
            "authority_due_on",
            "authority_notified_at",
            "authority_reference",
            "authority_name",
            "late_reason",
            "people_notified_at",
            "created_at",
            "updated_at",
            "closed_at",
            "alarm",
            "people_linked",
            "people_notified",
        ]

    def get_alarm(self, obj) -> str:
        return incident_alarm(obj)

    # The register's list annotates both counts (one query); a single incident counts them.
    def get_people_linked(self, obj) -> int:
        linked = getattr(obj, "linked", None)
        return linked if linked is not None else obj.people.count()

    def get_people_notified(self, obj) -> int:
        told = getattr(obj, "told", None)
        return told if told is not None else obj.people.exclude(notified_at=None).count()


class IncidentIn(serializers.Serializer):
    summary = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    occurred_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    discovered_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=INCIDENT_CATEGORIES), required=False, default=list
    )
    # Any integer: the service gives the clear message for a negative one.
    affected_count = serializers.IntegerField(required=False, allow_null=True, default=None)
    measures = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    status = serializers.ChoiceField(choices=IncidentStatus.choices, required=False, default=IncidentStatus.OPEN)
    people = serializers.ListField(
        child=serializers.CharField(max_length=40),
        required=False,
        default=list,
        max_length=1000,
        help_text="usernames or phones of the people affected",
    )
    selection = serializers.ChoiceField(choices=list(breaches.SELECTIONS), required=False, allow_blank=True, default="")


class IncidentAuthorityIn(serializers.Serializer):
    reference = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    late_reason = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class IncidentNotifiedOut(serializers.Serializer):
    notified = serializers.IntegerField()
    incident = IncidentOut()


def _people(viewer, values: dict):
    users, unknown = breaches.incident_people_find(
        viewer=viewer, identifiers="\n".join(values.pop("people", [])), selection=values.pop("selection", "")
    )
    if unknown:
        message = _("Lines %(lines)s name no single active account. Check the username or phone.") % {
            "lines": ", ".join(map(str, unknown))
        }
        return None, ErrorResponse(message, status_code=400, errors={"people": [message]})
    return users, None


class DpoIncidentListView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("show", str, enum=["open", "all"])],
        responses={200: IncidentOut(many=True)},
        summary="The breach register, open incidents soonest deadline first",
    )
    def get(self, request):
        show = "all" if request.query_params.get("show") == "all" else "open"
        return Response(IncidentOut(breaches.incidents_for_dpo(viewer=request.user, show=show)[:500], many=True).data)

    @extend_schema(
        request=IncidentIn,
        responses={201: IncidentOut},
        summary="Record an incident (its authority deadline is computed)",
    )
    def post(self, request):
        breaches.incidents_for_dpo(viewer=request.user)  # 404 before validation for anyone but the DPO
        data = IncidentIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        people, error = _people(request.user, values)
        if error is not None:
            return error
        incident = incident_record(actor=request.user, people=people, **values)
        return Response(IncidentOut(incident).data, status=status.HTTP_201_CREATED)


class DpoIncidentDetailView(APIView):
    @extend_schema(responses={200: IncidentOut}, summary="One incident of the breach register")
    def get(self, request, incident_id: int):
        return Response(IncidentOut(breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)).data)

    @extend_schema(request=IncidentIn, responses={200: IncidentOut}, summary="Change an incident or link more people")
    def patch(self, request, incident_id: int):
        incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
        data = IncidentIn(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = {k: v for k, v in data.validated_data.items() if k in request.data}
        people, error = _people(request.user, values)
        if error is not None:
            return error
        incident = incident_update(actor=request.user, incident=incident, people=people, **values)
        return Response(IncidentOut(incident).data)


class DpoIncidentNoticeView(APIView):
    @extend_schema(
        responses={
            (200, "text/plain"): OpenApiResponse(OpenApiTypes.STR, description="the notice to the authorised body")
        },
        summary="The notice to the authorised body as a text document",
    )
    def get(self, request, incident_id: int):
        incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
        response = HttpResponse(
            breaches.incident_notice_text(viewer=request.user, incident=incident),
            content_type="text/plain; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="incident-{incident.pk}-notice.txt"'
        response["Cache-Control"] = "no-store"
        return response


class DpoIncidentAuthorityView(APIView):
    @extend_schema(
        request=IncidentAuthorityIn, responses={200: IncidentOut}, summary="Record that the authority was notified"
    )
    def post(self, request, incident_id: int):
        incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
        data = IncidentAuthorityIn(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            IncidentOut(incident_authority_notify(actor=request.user, incident=incident, **data.validated_data)).data
        )


class DpoIncidentNotifyPeopleView(APIView):
    @extend_schema(
        request=None,
        responses={200: IncidentNotifiedOut},
        summary="Notify the linked people not yet notified (each once)",
    )
    def post(self, request, incident_id: int):
        incident = breaches.incident_for_dpo(viewer=request.user, incident_id=incident_id)
        told = incident_people_notify(actor=request.user, incident=incident)
        incident.refresh_from_db()
        return Response({"notified": told, "incident": IncidentOut(incident).data})
