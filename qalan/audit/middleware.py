"""Staff access to other people's data is recorded (P5.2.b): every page or API call of the
operator's workspaces (DPO, support, archive, administration) that a staff member opens leaves
an audit event naming the route and the object, never the data shown."""

from django.db import transaction

from qalan.audit.services import audit_record

STAFF_AREAS = ("/dpo/", "/staff/", "/archive/", "/moderation/", "/admin/", "/api/v1/dpo/")


class StaffAccessAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and (user.is_staff or user.is_operator_staff)
            and request.path.startswith(STAFF_AREAS)
            and response.status_code < 400
            and not request.path.startswith(("/admin/jsi18n/", "/admin/login/", "/admin/logout/"))
        ):
            match = request.resolver_match
            with transaction.atomic():
                audit_record(
                    actor=user,
                    event_type="staff.accessed",
                    extra={
                        "route": match.view_name if match else request.path[:100],
                        "objects": {k: str(v)[:40] for k, v in (match.kwargs if match else {}).items()},
                        "method": request.method,
                    },
                )
        return response
