"""Editorial pages of the public site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page of a gemeente's site: where a resident starts."""

    intro = models.CharField(
        _("introductie"),
        max_length=250,
        blank=True,
        help_text=_("Eén of twee zinnen in eenvoudige taal (B1)."),
    )
    body = RichTextField(_("tekst"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")
