"""StreamField blocks for the free part of a werkplaats page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class WerkplaatsBodyBlock(blocks.StreamBlock):
    tussenkop = blocks.CharBlock(label=_("Tussenkop"), form_classname="title")
    tekst = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "ul", "ol"])
    afbeelding = blocks.StructBlock(
        [
            ("afbeelding", ImageChooserBlock(label=_("Afbeelding"))),
            ("beschrijving", blocks.CharBlock(label=_("Beschrijving voor wie de afbeelding niet ziet"))),
        ],
        label=_("Afbeelding"),
        template="werkplaatsen/blocks/afbeelding.html",
    )

    class Meta:
        # Headings inside the body start at h2: the page title is the only h1.
        template = "werkplaatsen/blocks/body.html"
