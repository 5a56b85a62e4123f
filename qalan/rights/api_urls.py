"""API routes of the rights app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.rights import api, breach_api, dpo_api

urlpatterns = [
    path("privacy/my-data", api.MyDataView.as_view(), name="rights_my_data"),
    path("privacy/requests", api.RequestListView.as_view(), name="rights_requests"),
    path("privacy/requests/public", api.PublicRequestView.as_view(), name="rights_public_request"),
    path("privacy/requests/public/verify", api.PublicVerifyView.as_view(), name="rights_public_verify"),
    path("privacy/requests/<int:request_id>", api.RequestDetailView.as_view(), name="rights_request"),
    path(
        "privacy/requests/<int:request_id>/withdraw", api.RequestWithdrawView.as_view(), name="rights_request_withdraw"
    ),
    path("privacy/consents-and-objections", api.ConsentListView.as_view(), name="rights_consents"),
    path(
        "privacy/consents-and-objections/<str:purpose>/withdraw",
        api.ConsentWithdrawView.as_view(),
        name="rights_consent_withdraw",
    ),
    path(
        "privacy/consents-and-objections/<str:purpose>/give", api.ConsentGiveView.as_view(), name="rights_consent_give"
    ),
    path("privacy/restriction", api.RestrictionView.as_view(), name="rights_restriction"),
    path("privacy/who-sees-my-data", api.WhoSeesView.as_view(), name="rights_who_sees"),
    path("privacy/export", api.ExportView.as_view(), name="rights_export"),
    path("privacy/export/<str:token>", api.ExportFileView.as_view(), name="rights_export_file"),
    path("privacy/account-deletion", api.AccountDeletionView.as_view(), name="rights_account_deletion"),
    path("dpo/requests", dpo_api.DpoRequestListView.as_view(), name="rights_dpo_requests"),
    path("dpo/requests/board", dpo_api.DpoBoardView.as_view(), name="rights_dpo_board"),
    path("dpo/requests/<int:request_id>", dpo_api.DpoRequestDetailView.as_view(), name="rights_dpo_request"),
    path(
        "dpo/requests/<int:request_id>/power-of-attorney",
        dpo_api.DpoPowerOfAttorneyView.as_view(),
        name="rights_dpo_power_of_attorney",
    ),
    path(
        "dpo/requests/<int:request_id>/<slug:action>",
        dpo_api.DpoRequestActionView.as_view(),
        name="rights_dpo_request_action",
    ),
    path("dpo/disclosures", dpo_api.DpoDisclosureView.as_view(), name="rights_dpo_disclosures"),
    path("dpo/incidents", breach_api.DpoIncidentListView.as_view(), name="rights_dpo_incidents"),
    path("dpo/incidents/<int:incident_id>", breach_api.DpoIncidentDetailView.as_view(), name="rights_dpo_incident"),
    path(
        "dpo/incidents/<int:incident_id>/notice",
        breach_api.DpoIncidentNoticeView.as_view(),
        name="rights_dpo_incident_notice",
    ),
    path(
        "dpo/incidents/<int:incident_id>/authority-notified",
        breach_api.DpoIncidentAuthorityView.as_view(),
        name="rights_dpo_incident_authority",
    ),
    path(
        "dpo/incidents/<int:incident_id>/notify-people",
        breach_api.DpoIncidentNotifyPeopleView.as_view(),
        name="rights_dpo_incident_notify_people",
    ),
]
