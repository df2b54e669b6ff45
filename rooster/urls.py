from django.urls import path

from rooster import views

app_name = "rooster"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("dienst/<int:dienst_id>/inschrijven/", views.inschrijven, name="inschrijven"),
    path("dienst/<int:dienst_id>/dienst.ics", views.dienst_ics, name="dienst_ics"),
    path("inschrijving/<int:pk>/afmelden/", views.afmelden, name="afmelden"),
    path("inschrijving/<int:pk>/inchecken/", views.inchecken, name="inchecken"),
    path("inschrijving/<int:pk>/uitchecken/", views.uitchecken, name="uitchecken"),
    path("werkplaats/<int:werkplaats_id>/uren.csv", views.uren_csv, name="uren_csv"),
    path("werkplaats/<int:werkplaats_id>/tablet/", views.tablet_uitgeven, name="tablet_uitgeven"),
    path("tablet/<str:token>/", views.tablet_pagina, name="tablet"),
    # The link coordinators put on tablets before the tablet had its own name.
    path("kiosk/<str:token>/", views.tablet_oude_link, name="tablet_oude_link"),
    path("pincode/", views.pincode, name="pincode"),
    path("dienst/<int:dienst_id>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("dienst/<int:dienst_id>/bericht/", views.team_bericht, name="team_bericht"),
    path("inschrijving/<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("agenda/nieuw/", views.agenda_uitgeven, name="agenda_uitgeven"),
    path("agenda/intrekken/", views.agenda_intrekken, name="agenda_intrekken"),
    path("werkplaats/<int:werkplaats_id>/", views.coordinator, name="coordinator"),
    path("werkplaats/<int:werkplaats_id>/rooster.ics", views.werkplaats_ics, name="werkplaats_ics"),
    path("werkplaats/<int:werkplaats_id>/agenda/", views.werkplaats_agenda_uitgeven, name="werkplaats_agenda_uitgeven"),
]
