"""The outbox in the Wagtail admin: staff read it and may retry a failed message; nobody edits it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies.base import BasePermissionPolicy

from berichten.models import Bericht, BerichtStatus
from berichten.services import bericht_retry
from kern.telefoon import phone_mask


class StaffOnlyPermissionPolicy(BasePermissionPolicy):
    """Staff may view and retry (``change``); nobody adds, edits or deletes outbox rows by hand."""

    def user_has_permission(self, user, action):
        return action in ("view", "change") and user.is_active and user.is_staff

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        # "change" exists for the retry action only; no edit form is ever shown.
        return action == "view" and self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_staff=True)


class NummerColumn(Column):
    def get_value(self, instance):
        return phone_mask(instance.telefoonnummer)


class BerichtIndexView(generic.IndexView):
    def get_edit_url(self, instance):
        return None  # outbox rows are never edited by hand

    def get_list_more_buttons(self, instance):
        buttons = []
        if instance.status == BerichtStatus.FAILED and self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            buttons.append(
                ListingButton(
                    _("Opnieuw versturen"),
                    url=reverse("bericht:retry", args=[instance.pk]),
                    icon_name="repeat",
                    priority=10,
                )
            )
        return buttons


class BerichtViewSet(ModelViewSet):
    model = Bericht
    name = "bericht"
    icon = "mail"
    menu_label = _("Sms-berichten")
    add_to_admin_menu = True
    menu_order = 900
    index_view_class = BerichtIndexView
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50
    list_display = [
        "soort",  # the title column, which carries the row's buttons
        NummerColumn("telefoonnummer", label=_("telefoonnummer")),
        Column("get_status_display", label=_("status")),
        Column("foutcode", label=_("foutcode")),
        Column("pogingen", label=_("pogingen")),
        DateColumn("niet_voor", label=_("niet voor")),
        DateColumn("aangemaakt_op", label=_("aangemaakt op")),
    ]
    list_filter = {"status": ["exact"], "soort": ["exact"], "aangemaakt_op": ["date__gte", "date__lte"]}
    ordering = ["-aangemaakt_op", "-id"]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("retry/<int:pk>/", self.retry_view, name="retry"),
        ]

    def retry_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        bericht = get_object_or_404(Bericht, pk=pk)
        if request.method == "POST":
            if bericht_retry(bericht=bericht):
                messages.success(request, _("Het bericht wordt opnieuw verstuurd."))
            else:
                messages.error(
                    request, _("Dit bericht is niet mislukt; het kan niet opnieuw worden verstuurd.")
                )
            return redirect("bericht:index")
        return TemplateResponse(
            request,
            "berichten/bericht_retry.html",
            {"bericht": bericht, "telefoonnummer": phone_mask(bericht.telefoonnummer)},
        )
