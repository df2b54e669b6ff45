"""Publishing a change refreshes what the finder and the open data cached."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from werkplaatsen import snapshot
from werkplaatsen.models import Sluiting, Spreekuur, WerkplaatsIndexPage, WerkplaatsPage


def _invalidate_for_page(page) -> None:
    if getattr(page, "gemeente_id", None) is not None:
        snapshot.invalidate(page.gemeente.site_id)
        return
    site = page.get_site()
    if site is not None:
        snapshot.invalidate(site.pk)


def page_changed(sender, instance, **kwargs):
    _invalidate_for_page(instance)


def hours_changed(sender, instance, **kwargs):
    # Spreekuren and sluitingen are saved with their page on publish, and that publish invalidates
    # after them; this covers changes made outside the editor (the demo seed, a shell, a migration).
    _invalidate_for_page(instance.werkplaats)


def page_moved(sender, instance, **kwargs):
    _invalidate_for_page(instance.specific)


def connect() -> None:
    for model in (WerkplaatsPage, WerkplaatsIndexPage):
        # post_save covers pages created with add_child, which sends no page_published.
        for signal in (page_published, page_unpublished, post_save, post_delete):
            signal.connect(page_changed, sender=model, dispatch_uid=f"werkplaatsen-{id(signal)}-{model.__name__}")
    for model in (Spreekuur, Sluiting):
        for signal in (post_save, post_delete):
            signal.connect(hours_changed, sender=model, dispatch_uid=f"werkplaatsen-{id(signal)}-{model.__name__}")
    post_page_move.connect(page_moved, dispatch_uid="werkplaatsen-move")
