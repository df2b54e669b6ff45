"""A new gemeente starts with the default topics, so volunteers can log from the first day."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from werkplaatsen.models import Gemeente


@receiver(post_save, sender=Gemeente, dispatch_uid="inloop_onderwerpen_standaard")
def gemeente_krijgt_onderwerpen(sender, instance: Gemeente, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        from inloop.services import onderwerpen_standaard

        onderwerpen_standaard(gemeente=instance)
