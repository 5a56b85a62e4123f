"""Admin of the trainer's content: rows shipped in data files are read-only (edit the file)."""

from django.contrib import admin

from qalan.trainer.models import Chapter, ItemTemplate, Skill


class ShippedReadOnly(admin.ModelAdmin):
    """A row with a ``source_file`` belongs to its data file: every field read-only, no delete;
    ``load_content`` would report any change made here as a conflict."""

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.source_file:
            return [f.name for f in self.model._meta.fields] + [m.name for m in self.model._meta.many_to_many]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.source_file:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Chapter)
class ChapterAdmin(ShippedReadOnly):
    list_display = ("code", "grade", "course", "section", "is_active", "source_file")
    list_filter = ("grade", "course", "section", "is_active")
    search_fields = ("code",)


@admin.register(Skill)
class SkillAdmin(ShippedReadOnly):
    list_display = ("code", "grade", "chapter", "is_extended", "is_active", "source_file")
    list_filter = ("grade", "is_extended", "is_active")
    search_fields = ("code",)
    filter_horizontal = ("prerequisites",)


@admin.register(ItemTemplate)
class ItemTemplateAdmin(ShippedReadOnly):
    list_display = ("key", "skill", "answer_form", "generator", "difficulty", "version", "is_active", "source_file")
    list_filter = ("answer_form", "difficulty", "is_active")
    search_fields = ("key", "generator")
    readonly_fields = ("checksum", "version")
