from django.urls import path

from inloop import views

app_name = "inloop"

urlpatterns = [
    path("", views.start, name="start"),
    path("<int:werkplaats_id>/bezoek/", views.bezoek_nieuw, name="bezoek_nieuw"),
    path("bezoek/<int:pk>/", views.bezoek_wijzigen, name="bezoek_wijzigen"),
    path("<int:werkplaats_id>/wachtrij/", views.wachtrij, name="wachtrij"),
    path("<int:werkplaats_id>/kiosk/", views.kiosk_beheer, name="kiosk_beheer"),
    path("signalen/", views.signalen, name="signalen"),
    path("signalen/<int:pk>/ook-gezien/", views.signaal_ook_gezien, name="signaal_ook_gezien"),
    path("rapportage/", views.rapportage, name="rapportage"),
]
