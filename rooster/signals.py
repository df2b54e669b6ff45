"""Changed opening hours reach the roster: after the commit, the werkplaats's shifts are regenerated."""

import django_rq
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from werkplaatsen.models import Sluiting, Spreekuur, WerkplaatsPage


def _schedule(werkplaats_id: int | None) -> None:
    if not werkplaats_id or not settings.ROOSTER_AUTOMATISCH:
        return
    # A publish saves each spreekuur too, so one commit may schedule a few runs; the service is
    # idempotent and reads one werkplaats, so the repeats cost a few queries and change nothing.

    def run():
        from rooster.jobs import diensten_genereren_job

        if settings.JOBS_ASYNC:
            django_rq.get_queue("default").enqueue(diensten_genereren_job, werkplaats_id)
        else:
            diensten_genereren_job(werkplaats_id)

    transaction.on_commit(run)


def page_changed(sender, instance, **kwargs):
    _schedule(instance.pk)


def hours_changed(sender, instance, **kwargs):
    _schedule(instance.werkplaats_id)


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, sender=WerkplaatsPage, dispatch_uid=f"rooster-{id(signal)}")
    for model in (Spreekuur, Sluiting):
        for signal in (post_save, post_delete):
            signal.connect(hours_changed, sender=model, dispatch_uid=f"rooster-{id(signal)}-{model.__name__}")
