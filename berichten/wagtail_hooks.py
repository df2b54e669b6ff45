from wagtail import hooks
from wagtail.permissions import register_permission_policy

from berichten.admin_views import BerichtViewSet, StaffOnlyPermissionPolicy
from berichten.models import Bericht

register_permission_policy(Bericht, StaffOnlyPermissionPolicy(Bericht))


@hooks.register("register_admin_viewset")
def register_bericht_viewset():
    return BerichtViewSet()
