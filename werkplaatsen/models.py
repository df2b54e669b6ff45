"""Tenants (gemeenten), partner organisations and the werkplaats pages themselves."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, Site

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("Vul een Nederlandse postcode in, bijvoorbeeld 8011 AB.")
)
colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Vul een kleur in als #RRGGBB."))


class Gemeente(models.Model):
    """The tenant. Each gemeente has its own Wagtail Site, werkplaatsen, teams and settings."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # CBS gemeentecode ("GM0193") so reports line up with CBS statistics.
    cbs_code = models.CharField(
        _("CBS-gemeentecode"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM[0-9]{4}$", _("Een CBS-code ziet eruit als GM0193."))],
    )
    site = models.OneToOneField(
        Site, verbose_name=_("website"), on_delete=models.PROTECT, related_name="gemeente"
    )
    huisstijlkleur = models.CharField(
        _("huisstijlkleur"), max_length=7, default="#01689b", validators=[colour_validator]
    )
    contact_telefoon = models.CharField(_("telefoon voor inwoners"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Organisatie(models.Model):
    """A partner organisation whose professionals take escalations (welzijn, schuldhulp, ...)."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="organisaties"
    )
    naam = models.CharField(_("naam"), max_length=150)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="organisatie_naam_uniek_per_gemeente")
        ]

    def __str__(self) -> str:
        return self.naam


def gemeente_for_page(page: Page) -> Gemeente | None:
    """The gemeente whose site holds this page (None for a page outside every gemeente's site)."""
    # By tree path rather than page.get_site(): a page being created has its path but no url_path yet.
    step = page.steplen
    ancestor_paths = [page.path[:length] for length in range(step, len(page.path) + 1, step)]
    return (
        Gemeente.objects.filter(site__root_page__path__in=ancestor_paths)
        .order_by("-site__root_page__depth")
        .first()
    )


class WerkplaatsIndexPage(Page):
    """The list and finder of a gemeente's werkplaatsen."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["werkplaatsen.WerkplaatsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("werkplaatsenoverzicht")


class WerkplaatsPage(Page):
    """One werkplaats: where it is and how to reach it. Opening hours hang off it as spreekuren."""

    # Set from the page's site on save: a werkplaats belongs to the gemeente whose site it is in.
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="werkplaatsen",
        editable=False,
    )
    straat = models.CharField(_("straat en huisnummer"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    plaats = models.CharField(_("plaats"), max_length=100)
    wijk = models.CharField(_("wijk"), max_length=100, blank=True)
    latitude = models.DecimalField(_("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("straat"), FieldPanel("postcode"), FieldPanel("plaats"), FieldPanel("wijk")],
            heading=_("Adres"),
        ),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Locatie op de kaart")),
    ]
    parent_page_types = ["werkplaatsen.WerkplaatsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("werkplaats")
        verbose_name_plural = _("werkplaatsen")

    def clean(self):
        super().clean()
        if self.postcode:
            compact = self.postcode.replace(" ", "").upper()
            self.postcode = f"{compact[:4]} {compact[4:]}"

    def save(self, *args, **kwargs):
        if self.gemeente_id is None:
            gemeente = gemeente_for_page(self)
            if gemeente is None:
                raise ValidationError(_("Een werkplaats hoort onder de website van een gemeente."))
            self.gemeente = gemeente
        return super().save(*args, **kwargs)
