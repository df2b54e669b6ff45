from django import template
from wagtail.models import Site

from content.models import SiteInstellingen

register = template.Library()


@register.simple_tag(takes_context=True)
def voettekst_paginas(context) -> list:
    """The pages right under the site's home page that editors put in the menu ("Tonen in menu's").

    The statements have their own footer links from the site settings, so they are not listed twice.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    # for_request is cached on the request: the same row the rest of the footer reads.
    instellingen = SiteInstellingen.for_request(request)
    already = {instellingen.privacyverklaring_id, instellingen.toegankelijkheidsverklaring_id} - {None}
    # One query: a page behind a login or password of its own is left out by a join, not by
    # public()'s extra query (a restriction on the home page itself closes the whole site anyway).
    pages = (
        site.root_page.get_children().live().in_menu().filter(view_restrictions__isnull=True).exclude(pk__in=already)
    )
    return list(pages)
