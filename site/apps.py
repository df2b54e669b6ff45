from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig


class WerkplaatsSiteConfig(AppConfig):
    # This module holds a second AppConfig (for staticfiles, below); without this Django would fall
    # back to a bare AppConfig for werkplaats_site and ready() would never run.
    default = True
    name = "werkplaats_site"
    label = "werkplaats_site"
    verbose_name = "Werkplaats"

    def ready(self):
        # accounts sends login codes and invitations but depends on no SMS app; the project, which knows
        # both, connects it to the berichten outbox here.
        from accounts import sms_login
        from werkplaats_site.sms import account_sms_send

        sms_login.sender_register(account_sms_send)


class StaticFilesConfig(DjangoStaticFilesConfig):
    """collectstatic without the design tokens' icon stylesheet.

    ``@utrecht/design-tokens`` ships ``background-image-icon.css``, which points at SVG files the
    package does not contain. The manifest storage of production follows every ``url()`` in every
    collected stylesheet and aborts on the missing files, which left every HTML page a 500. No page
    uses that stylesheet, so it is not collected at all.
    """

    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "background-image-icon.css"]
