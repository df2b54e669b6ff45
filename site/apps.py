from django.apps import AppConfig


class WerkplaatsSiteConfig(AppConfig):
    name = "werkplaats_site"
    label = "werkplaats_site"
    verbose_name = "Werkplaats"
