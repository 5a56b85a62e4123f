"""Web routes of the rights app (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.rights import breach_views, dpo_views, views

app_name = "rights"
urlpatterns = [
    # The privacy centre (signed-in users).
    path("privacy/centre/", views.centre, name="centre"),
    path("privacy/centre/my-data/", views.my_data, name="my_data"),
    path("privacy/centre/my-data/document/", views.my_data_document, name="my_data_document"),
    path("privacy/centre/information/", views.information, name="information"),
    path("privacy/centre/download/", views.download, name="download"),
    path("privacy/centre/download/new/", views.download_link, name="download_link"),
    path("privacy/centre/download/<str:token>/", views.download_file, name="download_file"),
    path("privacy/centre/correct/", views.correct, name="correct"),
    path("privacy/centre/consents/", views.consents, name="consents"),
    path("privacy/centre/consents/object/", views.objection, name="objection"),
    path("privacy/centre/consents/<str:purpose>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("privacy/centre/consents/<str:purpose>/give/", views.consent_give, name="consent_give"),
    path("privacy/centre/restrict/", views.restrict, name="restrict"),
    path("privacy/centre/who-sees-my-data/", views.who_sees, name="who_sees"),
    path("privacy/centre/complain/", views.complain, name="complain"),
    path("privacy/centre/delete-account/", views.delete_account, name="delete_account"),
    path("privacy/centre/delete-account/cancel/", views.delete_account_cancel, name="delete_account_cancel"),
    path("privacy/centre/requests/", views.requests_list, name="requests"),
    path("privacy/centre/requests/new/", views.request_new, name="request_new"),
    path("privacy/centre/requests/<int:request_id>/", views.request_detail, name="request_detail"),
    path("privacy/centre/requests/<int:request_id>/answer/", views.request_document, name="request_document"),
    path("privacy/centre/requests/<int:request_id>/withdraw/", views.request_withdraw, name="request_withdraw"),
    # Someone who cannot or does not sign in.
    path("privacy/request/", views.public_request, name="public_request"),
    path("privacy/request/confirm/", views.public_confirm, name="public_confirm"),
    # The DPO workspace.
    path("dpo/requests/", dpo_views.queue, name="dpo_queue"),
    path("dpo/requests/new/", dpo_views.enter, name="dpo_enter"),
    path("dpo/requests/<int:request_id>/", dpo_views.request_view, name="dpo_request"),
    path("dpo/requests/<int:request_id>/power-of-attorney/", dpo_views.power_of_attorney, name="dpo_power_of_attorney"),
    path("dpo/requests/<int:request_id>/<slug:action>/", dpo_views.request_action, name="dpo_request_action"),
    path("dpo/disclosures/", dpo_views.disclosures, name="dpo_disclosures"),
    # The breach register (DPO).
    path("dpo/incidents/", breach_views.incidents, name="dpo_incidents"),
    path("dpo/incidents/new/", breach_views.incident_new, name="dpo_incident_new"),
    path("dpo/incidents/<int:incident_id>/", breach_views.incident_view, name="dpo_incident"),
    path("dpo/incidents/<int:incident_id>/notice/", breach_views.incident_notice, name="dpo_incident_notice"),
    path(
        "dpo/incidents/<int:incident_id>/notice.txt",
        breach_views.incident_notice_download,
        name="dpo_incident_notice_download",
    ),
    path("dpo/incidents/<int:incident_id>/<slug:action>/", breach_views.incident_action, name="dpo_incident_action"),
]
