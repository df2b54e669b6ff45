"""Keep the footer links right without an extra step for the editor."""

from wagtail.signals import page_published

from content.models import PrivacyverklaringPagina, SiteInstellingen, ToegankelijkheidsverklaringPagina

_SETTING_FIELD = {
    PrivacyverklaringPagina: "privacyverklaring",
    ToegankelijkheidsverklaringPagina: "toegankelijkheidsverklaring",
}


def statement_link_fill(sender, instance, **kwargs):
    """The first time a site's privacy or accessibility statement is published, the footer links to it.

    An editor who later picks another page in the site settings keeps that choice.
    """
    field = _SETTING_FIELD[sender]
    site = instance.get_site()
    if site is None:
        return
    instellingen = SiteInstellingen.for_site(site)
    if getattr(instellingen, f"{field}_id") is None:
        setattr(instellingen, field, instance)
        instellingen.save(update_fields=[field])


def connect() -> None:
    for model in _SETTING_FIELD:
        page_published.connect(
            statement_link_fill, sender=model, dispatch_uid=f"content-footer-{model.__name__}"
        )
