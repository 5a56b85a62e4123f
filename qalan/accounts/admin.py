from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from qalan.accounts.models import DeviceSession, Profile, TOTPDevice, User
from qalan.accounts.services import otp_reset


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "role", "is_active", "date_joined"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username"]
    ordering = ["username"]
    inlines = [ProfileInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Contact", {"fields": ["phone", "email"]}),
        ("Role", {"fields": ["role", "is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["username", "phone", "role", "password1", "password2"]})]


@admin.register(DeviceSession)
class DeviceSessionAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "platform", "last_used_at", "revoked_at"]
    list_filter = ["kind"]
    exclude = ["token_hash"]
    readonly_fields = [
        "user",
        "kind",
        "device_name",
        "platform",
        "app_version",
        "user_agent",
        "ip_address",
        "created_at",
        "last_used_at",
    ]


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Deleting a device is the reset for a lost phone: it goes through the service (audited,
    the account signed out everywhere, told by a security notice)."""

    list_display = ["user", "confirmed_at", "last_used_at", "failures"]
    exclude = ["secret_encrypted"]
    readonly_fields = ["user", "created_at", "confirmed_at", "last_step", "last_used_at", "failures"]

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        otp_reset(actor=request.user, user=obj.user)

    def delete_queryset(self, request, queryset):
        for device in queryset.select_related("user"):
            otp_reset(actor=request.user, user=device.user)
