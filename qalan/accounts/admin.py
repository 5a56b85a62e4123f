from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from qalan.accounts.models import DeviceSession, Profile, User


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
