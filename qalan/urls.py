from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from qalan.accounts import api as accounts_api
from qalan.privacy import api as privacy_api
from qalan.web import probes
from qalan.web import views as web_views

api_v1 = [
    path("auth/register", accounts_api.RegisterView.as_view(), name="register"),
    path("auth/token", accounts_api.TokenView.as_view(), name="token"),
    path("auth/logout", accounts_api.LogoutView.as_view(), name="logout"),
    path("auth/sessions", accounts_api.SessionListView.as_view(), name="sessions"),
    path("auth/sessions/<int:session_id>", accounts_api.SessionDetailView.as_view(), name="session"),
    path("auth/recovery", accounts_api.RecoveryRequestView.as_view(), name="recovery"),
    path("auth/recovery/confirm", accounts_api.RecoveryConfirmView.as_view(), name="recovery_confirm"),
    path("me", accounts_api.MeView.as_view(), name="me"),
    path("me/avatar", accounts_api.AvatarView.as_view(), name="me_avatar"),
    path("me/phone", accounts_api.PhoneChangeView.as_view(), name="me_phone"),
    path("me/phone/confirm", accounts_api.PhoneConfirmView.as_view(), name="me_phone_confirm"),
    path("privacy/policy", privacy_api.PolicyView.as_view(), name="policy"),
    path("privacy/policy/versions", privacy_api.PolicyVersionsView.as_view(), name="policy_versions"),
    path("privacy/policy/status", privacy_api.PolicyStatusView.as_view(), name="policy_status"),
    path("privacy/policy/accept", privacy_api.PolicyAcceptView.as_view(), name="policy_accept"),
    path("privacy/operator", privacy_api.OperatorView.as_view(), name="operator"),
    path("privacy/contact", privacy_api.ContactView.as_view(), name="contact"),
    path("privacy/consents", privacy_api.ConsentListView.as_view(), name="consents"),
    path("privacy/consents/<str:purpose>", privacy_api.ConsentChangeView.as_view(), name="consent_change"),
    path("privacy/children/<int:child_id>/consents", privacy_api.ChildConsentListView.as_view(), name="child_consents"),
    path("", include("qalan.schools.api_urls")),
    path("", include("qalan.learning.api_urls")),
    path("", include("qalan.community.api_urls")),
    path("", include("qalan.lifecycle.api_urls")),
    path("", include("qalan.rights.api_urls")),
    path("", include("qalan.support.api_urls")),
    path("", include("qalan.analytics.api_urls")),
    path("", include("qalan.trainer.api_urls")),
    path("", include("qalan.ent.api_urls")),
]

urlpatterns = [
    path("", include(([path("", web_views.home, name="home")], "web"), namespace="web")),
    path("i18n/setlang/", web_views.set_language, name="set_language"),
    # Answered by qalan.web.probes.ProbeMiddleware before any other middleware; routed too so
    # that they have names and appear in the route table.
    path("healthz", probes.healthz, name="healthz"),
    path("readyz", probes.readyz, name="readyz"),
    path("dev/outbox/", web_views.dev_outbox, name="dev_outbox"),
    path("accounts/", include("qalan.accounts.urls")),
    path("", include("qalan.privacy.urls")),
    path("", include("qalan.schools.urls")),
    path("", include("qalan.learning.urls")),
    path("", include("qalan.community.urls")),
    path("", include("qalan.lifecycle.urls")),
    path("", include("qalan.rights.urls")),
    path("", include("qalan.analytics.urls")),
    path("", include("qalan.notify.urls")),
    path("", include("qalan.support.urls")),
    path("", include("qalan.trainer.urls")),
    path("", include("qalan.ent.urls")),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves the page's script from ?script, so the CSP needs no inline script.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="web/swagger_ui.html"),
        name="api-docs",
    ),
    path("admin/", admin.site.urls),
]

# A path under /api/ that matches no pattern answers in the API's error shape.
handler404 = "qalan.core.api.page_not_found"
