from django.urls import path

from qalan.privacy import views

app_name = "privacy"
urlpatterns = [
    path("privacy/", views.policy, name="policy"),
    path("privacy/versions/<str:version>/", views.policy_version, name="policy_version"),
    path("privacy/versions/<str:version>/changes/", views.policy_changes, name="policy_changes"),
    path("privacy/accept/", views.policy_accept, name="policy_accept"),
    path("privacy/disagree/", views.policy_disagree, name="policy_disagree"),
    path("contact/", views.contact, name="contact"),
    path("privacy/cookies/", views.cookie_settings, name="cookies"),
    path("privacy/consent-required/", views.consent_required, name="consent_required"),
    path("privacy/children/<int:child_id>/consents/", views.child_consents, name="child_consents"),
    path("privacy/guardian/", views.guardian_code, name="guardian_code"),
    path("privacy/guardian/answer/", views.guardian_answer, name="guardian_answer"),
    path("privacy/guardian/<str:token>/", views.guardian_confirm, name="guardian_confirm"),
    path("dpo/inbox/", views.dpo_inbox, name="dpo_inbox"),
]
