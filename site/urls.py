from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from rooster import views as rooster_views
from werkplaats_site import views
from werkplaatsen import views as werkplaatsen_views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/werkplaatsen", werkplaatsen_views.api_werkplaatsen, name="api_werkplaatsen"),
    # The same list under the path HSDS's API reference gives it, and one service by its id.
    path("api/v1/services", werkplaatsen_views.api_werkplaatsen, name="api_services"),
    path("api/v1/services/<str:service_id>", werkplaatsen_views.api_service, name="api_service"),
    # Wagtail's page routes only take slugs; the feed's file name has a dot, so it gets its own pattern.
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)openingstijden\.ics$",
        werkplaatsen_views.werkplaats_ics,
        name="werkplaats_ics",
    ),
    path("mijn/inloop/", include("inloop.urls")),
    path("inloop/", include("inloop.urls_publiek")),
    path("mijn/rooster/", include("rooster.urls")),
    path("agenda/<str:token>.ics", rooster_views.agenda_feed, name="rooster_agenda"),
    path("agenda/werkplaats/<str:token>.ics", rooster_views.werkplaats_agenda_feed, name="rooster_agenda_werkplaats"),
    path("mijn/", include("accounts.urls")),
    path("beheer/", include(wagtailadmin_urls)),
    path("django-beheer/", admin.site.urls),
    path("documenten/", include(wagtaildocs_urls)),
    path("sms/", include("berichten.urls")),
    # django-rq's views are staff_member_required; the 2FA middleware covers this prefix too.
    path("django-rq/", include("django_rq.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it catches every path that is left.
urlpatterns += [path("", include(wagtail_urls))]
