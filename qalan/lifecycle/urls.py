"""Web routes of the lifecycle app (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.lifecycle import views

app_name = "lifecycle"
urlpatterns = [
    path("account/blocked/", views.blocked, name="blocked"),
    path("staff/blocks/", views.blocks, name="blocks"),
    path("staff/blocks/<int:block_id>/lift/", views.block_lift, name="block_lift"),
    path("dpo/holds/", views.holds, name="holds"),
    path("dpo/holds/<int:hold_id>/release/", views.hold_release, name="hold_release"),
    path("dpo/erasures/", views.erasures, name="erasures"),
    path("archive/", views.archive, name="archive"),
    path("archive/<int:record_id>/", views.archive_record, name="archive_record"),
]
