from django.urls import path

from qalan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("login/", views.login_view, name="login"),
    path("login/code/", views.login_otp, name="login_otp"),
    path("logout/", views.logout_view, name="logout"),
    path("2fa/", views.otp_settings, name="otp"),
    path("profile/", views.profile, name="profile"),
    path("profile/avatar/", views.avatar_upload, name="avatar_upload"),
    path("profile/avatar/remove/", views.avatar_remove, name="avatar_remove"),
    path("avatar/<int:user_id>/", views.avatar_image, name="avatar_image"),
    path("password/", views.password_change, name="password_change"),
    path("phone/", views.phone_change, name="phone_change"),
    path("devices/", views.devices, name="devices"),
    path("devices/<int:session_id>/revoke/", views.device_revoke, name="device_revoke"),
    path("devices/revoke-others/", views.devices_revoke_others, name="devices_revoke_others"),
    path("recover/", views.recovery_request, name="recovery_request"),
    path("recover/confirm/", views.recovery_confirm, name="recovery_confirm"),
]
