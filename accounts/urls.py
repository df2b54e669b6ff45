from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("inloggen/", views.InloggenView.as_view(), name="inloggen"),
    path("uitloggen/", views.UitloggenView.as_view(), name="uitloggen"),
    path("inloggen/sms/", views.inloggen_sms, name="inloggen_sms"),
    path("inloggen/sms/code/", views.inloggen_sms_code, name="inloggen_sms_code"),
    path("uitnodiging/<str:token>/", views.uitnodiging, name="uitnodiging"),
    path("uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path("tweestaps/", views.tweestaps, name="tweestaps"),
    path("tweestaps/instellen/", views.tweestaps_instellen, name="tweestaps_instellen"),
]
