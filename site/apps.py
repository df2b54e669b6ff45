from django.apps import AppConfig


class WerkplaatsSiteConfig(AppConfig):
    name = "werkplaats_site"
    label = "werkplaats_site"
    verbose_name = "Werkplaats"

    def ready(self):
        # accounts sends login codes and invitations but depends on no SMS app; the project, which knows
        # both, connects it to the berichten outbox here.
        from accounts import sms_login
        from werkplaats_site.sms import account_sms_send

        sms_login.sender_register(account_sms_send)

