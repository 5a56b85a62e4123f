from django.contrib import admin

from qalan.schools.models import ClassInvitation, Membership, ParentLink, School, SchoolClass, ThirdPartyConfirmation


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "city"]
    search_fields = ["name", "city"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["student", "via", "joined_at", "ended_at", "ended_reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SchoolClass)
class SchoolClassAdmin(admin.ModelAdmin):
    list_display = ["name", "grade", "school_year", "school", "teacher", "archived_at"]
    list_filter = ["grade", "school_year"]
    search_fields = ["name", "school__name"]
    exclude = ["join_code"]
    readonly_fields = ["teacher", "created_at", "archived_at"]
    inlines = [MembershipInline]


@admin.register(ParentLink)
class ParentLinkAdmin(admin.ModelAdmin):
    list_display = ["pk", "parent", "child", "created_at", "ended_at"]
    readonly_fields = ["parent", "child", "created_at", "ended_at"]

    def has_add_permission(self, request):
        # Links are made by the two people themselves (a code one creates and the other enters).
        return False


@admin.register(ClassInvitation)
class ClassInvitationAdmin(admin.ModelAdmin):
    list_display = ["pk", "school_class", "student", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = ["school_class", "student", "invited_by", "status", "created_at", "responded_at"]

    def has_add_permission(self, request):
        return False


@admin.register(ThirdPartyConfirmation)
class ThirdPartyConfirmationAdmin(admin.ModelAdmin):
    """Where the operator finds who confirmed a third party's consent, to ask for proof (P3.5)."""

    list_display = ["pk", "kind", "entered_by", "subject", "created_at"]
    list_filter = ["kind"]
    search_fields = ["entered_by__username", "subject__username"]
    readonly_fields = ["kind", "entered_by", "subject", "statement", "language", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
