"""Staffing per werkplaats and the notice period per gemeente, for the site's superusers.

Coordinators work in /mijn/rooster/; these settings change rarely and apply to a whole werkplaats or
gemeente, so only superusers (functional administrators) see them here.
"""

from django.contrib import admin

from rooster.models import Bezetting, RoosterInstellingen


class SuperuserOnly(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(Bezetting)
class BezettingAdmin(SuperuserOnly):
    list_display = ["werkplaats", "rol", "minimum", "maximum"]
    list_select_related = ["werkplaats"]
    raw_id_fields = ["werkplaats"]


@admin.register(RoosterInstellingen)
class RoosterInstellingenAdmin(SuperuserOnly):
    list_display = ["gemeente", "afmeldtermijn_uren"]
