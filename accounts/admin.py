from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import GemeenteLidmaatschap, OrganisatieLidmaatschap, User, WerkplaatsLidmaatschap


class WerkplaatsLidmaatschapInline(admin.TabularInline):
    model = WerkplaatsLidmaatschap
    extra = 0
    raw_id_fields = ["werkplaats"]


class OrganisatieLidmaatschapInline(admin.TabularInline):
    model = OrganisatieLidmaatschap
    extra = 0


class GemeenteLidmaatschapInline(admin.TabularInline):
    model = GemeenteLidmaatschap
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + (
        (_("Contact"), {"fields": ("telefoonnummer", "sms_toestemming", "sms_toestemming_op", "taal")}),
    )
    list_display = ["username", "first_name", "last_name", "is_staff"]
    inlines = [WerkplaatsLidmaatschapInline, OrganisatieLidmaatschapInline, GemeenteLidmaatschapInline]
