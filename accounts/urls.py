from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("uitloggen/", views.UitloggenView.as_view(), name="uitloggen"),
    path("tweestaps/", views.tweestaps, name="tweestaps"),
    path("tweestaps/instellen/", views.tweestaps_instellen, name="tweestaps_instellen"),
]
