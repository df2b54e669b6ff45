from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from werkplaats_site import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("mijn/", include("accounts.urls")),
    path("beheer/", include(wagtailadmin_urls)),
    path("django-beheer/", admin.site.urls),
    path("documenten/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it catches every path that is left.
urlpatterns += [path("", include(wagtail_urls))]
