from django import template

register = template.Library()


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(prefix) and str(value).startswith(prefix)


@register.simple_tag
def paginatitel(page, site) -> str:
    """"<page> – <site>" for the <title>, without saying the site's name twice.

    The home page is usually called after the site, and an editor may already have put the site's
    name in a page title or SEO title.
    """
    site_name = getattr(site, "site_name", "") or "Werkplaats"
    name = (getattr(page, "seo_title", "") or getattr(page, "title", "") or "").strip()
    if not name or site_name.casefold() in name.casefold():
        return name or site_name
    return f"{name} – {site_name}"
