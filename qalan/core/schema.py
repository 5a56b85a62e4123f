"""The OpenAPI schema documents the API's one error shape on every operation that can answer with it.

drf-spectacular documents the success responses each view declares; this AutoSchema adds the error
responses that follow from how the view is built (``qalan.core.api.exception_handler`` gives them
all the same body): 400 where input is read or a service can refuse the change (every method but
GET), 401 and 403 where a credential is read, 404 where the path names an object or the caller is
signed in (outsiders get 404, never 403: another person's object, another role's area) and 429
where a throttle applies. A view documents any other error itself with ``extend_schema``.
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers


class ApiError(serializers.Serializer):
    message = serializers.CharField(help_text="What went wrong and what to do next, in the request's language.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per input field (`non_field_errors` for the whole input); empty for other errors.",
    )


ERROR_DESCRIPTIONS = {
    "400": "The input is not valid, or the change is not possible now: `errors` names each field and what is wrong.",
    "401": "No credential, or the token is unknown, expired or revoked.",
    "403": "Signed in, but not allowed: the role cannot do this, or the platform consent is not in force.",
    "404": "No such object, or not one the caller may see (another person's, or another role's area).",
    "429": "Too many requests from this client; try again later.",
}


class AutoSchema(SpectacularAutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        error = {"schema": self.resolve_serializer(ApiError, "response").ref}
        responses = operation["responses"]
        for code in self._error_codes(operation):
            responses.setdefault(code, {"description": ERROR_DESCRIPTIONS[code], "content": {}})
            responses[code].setdefault("content", {}).setdefault("application/json", error)
        return operation

    def _error_codes(self, operation) -> list[str]:
        parameters = operation.get("parameters", [])
        reads_input = (
            self.method not in ("GET", "HEAD")
            or any(p["in"] == "query" for p in parameters)
            or any(p["in"] == "path" and p["schema"].get("type") != "integer" for p in parameters)
        )
        signed_in = bool(self.view.get_authenticators())
        codes = []
        if reads_input:
            codes.append("400")
        if signed_in:
            codes += ["401", "403"]
        if signed_in or any(p["in"] == "path" for p in parameters):
            codes.append("404")
        if self.view.get_throttles():
            codes.append("429")
        return codes
