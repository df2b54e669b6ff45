"""Absolute links to pages, as the visitor reached the site.

Wagtail's ``full_url`` is built from the Site record (``localhost`` port 80 in a fresh install), not
from the address the request came in on. With a request, the link follows the request: its host, and
https when the proxy says so (``SECURE_PROXY_SSL_HEADER``). Without one (a job, a command), the Site's
root_url is all there is.
"""


def page_absolute_url(page, request=None) -> str | None:
    if request is None:
        return page.full_url
    # Relative when the page belongs to the request's site, the other site's root_url otherwise.
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None
