from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import permissions
from inloop.admin_views import InloopRapportView


class InloopRapportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.werkplaatsen_for_reports(request.user).exists()


@hooks.register("register_admin_urls")
def inloop_admin_urls():
    return [
        path("inloop/rapport/", InloopRapportView.as_view(), name="inloop_rapport"),
        path("inloop/rapport/resultaten/", InloopRapportView.as_view(results_only=True), name="inloop_rapport_results"),
    ]


@hooks.register("register_reports_menu_item")
def inloop_rapport_menu_item():
    return InloopRapportMenuItem(_("Inloop"), reverse("inloop_rapport"), name="inloop", icon_name="table", order=800)
