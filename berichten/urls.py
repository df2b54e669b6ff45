from django.urls import path

from berichten import views

app_name = "berichten"

urlpatterns = [
    path("status/", views.status_callback, name="status"),
    path("inkomend/", views.inkomend, name="inkomend"),
]
