from django.urls import path

from inloop import views_publiek

app_name = "inloop_publiek"

urlpatterns = [
    path("kiosk/<str:token>/", views_publiek.kiosk, name="kiosk"),
    path("scherm/<str:token>/", views_publiek.scherm, name="scherm"),
    path("scherm/<str:token>/stand.json", views_publiek.scherm_status, name="scherm_status"),
]
