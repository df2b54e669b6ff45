"""Tenants (gemeenten), partner organisations and the werkplaats pages with their opening hours."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site

from werkplaatsen.blocks import WerkplaatsBodyBlock
from werkplaatsen.choices import Onderwerp, Taal, Weekdag
from werkplaatsen.fields import ChoiceListField
from werkplaatsen.geocoding_models import GeocodeAntwoord, Postcodegebied  # noqa: F401  (registers them)

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("Vul een Nederlandse postcode in, bijvoorbeeld 8011 AB.")
)


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
    contact_telefoon = models.CharField(_("telefoon voor inwoners"), max_length=20, blank=True)
    # Free text that may hold personal data despite the warnings (visit notes, signals, hand-over notes
    # on queue tickets) is erased this many days after it was written; the counts stay.
    bewaartermijn_vrije_tekst_dagen = models.PositiveSmallIntegerField(
        _("bewaartermijn vrije tekst (dagen)"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
        help_text=_(
            "Notities bij bezoeken, signalen en overdrachten worden na zoveel dagen gewist. De aantallen blijven."
        ),
    )

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
    """The finder: every werkplaats of the gemeente, nearest and open first."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["werkplaatsen.WerkplaatsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("werkplaatsenoverzicht")

    def route(self, request, path_components):
        # Wagtail finds a child with one query and makes it specific with a second; every werkplaats
        # page is a WerkplaatsPage, so one query does both.
        if path_components:
            child = WerkplaatsPage.objects.filter(
                path__startswith=self.path, depth=self.depth + 1, slug=path_components[0]
            ).first()
            if child is None:
                raise Http404
            child._cached_parent_obj = self
            return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        # The finder is a view of its own (werkplaatsen.views): Wagtail only routes to it.
        from werkplaatsen.views import finder

        return finder(request, self)


class WerkplaatsPage(Page):
    """One werkplaats: where it is, when it is open, who is there and what you can ask."""

    # Set from the page's site on save: a werkplaats belongs to the gemeente whose site it is in.
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="werkplaatsen",
        editable=False,
    )
    inleiding = models.CharField(
        _("korte beschrijving"),
        max_length=250,
        blank=True,
        help_text=_("Eén zin in eenvoudige taal. Staat ook in de zoekresultaten."),
    )
    straat = models.CharField(_("straat en huisnummer"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    plaats = models.CharField(_("plaats"), max_length=100)
    wijk = models.CharField(_("wijk"), max_length=100, blank=True)
    gebouw = models.CharField(
        _("gebouw"), max_length=150, blank=True, help_text=_("Bijvoorbeeld: in de bibliotheek, 1e verdieping.")
    )
    latitude = models.DecimalField(_("breedtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=9, decimal_places=6, null=True, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    rolstoeltoegankelijk = models.BooleanField(_("rolstoeltoegankelijk"), default=False)
    stilteruimte = models.BooleanField(
        _("rustige ruimte"), default=False, help_text=_("Er is een aparte ruimte voor een gesprek onder vier ogen.")
    )
    talen = ChoiceListField(_("talen"), choices=Taal.choices, help_text=_("Welke talen spreken de vrijwilligers?"))
    onderwerpen = ChoiceListField(_("waarvoor kunt u komen"), choices=Onderwerp.choices)
    meenemen = RichTextField(
        _("wat neemt u mee"), blank=True, features=["bold", "ul", "link"],
        help_text=_("Bijvoorbeeld: de brief waar u een vraag over heeft, uw bankpas, uw DigiD."),
    )
    foto = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("foto"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = StreamField(WerkplaatsBodyBlock(), verbose_name=_("meer informatie"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("inleiding"),
        MultiFieldPanel(
            [
                FieldPanel("straat"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("plaats")]),
                FieldPanel("wijk"),
                FieldPanel("gebouw"),
                FieldPanel("telefoon"),
            ],
            heading=_("Adres"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Locatie op de kaart"),
            help_text=_("Leeg laten: de plek wordt bij het publiceren opgezocht uit postcode en adres."),
        ),
        InlinePanel(
            "spreekuren",
            heading=_("Openingstijden (spreekuren)"),
            label=_("Spreekuur"),
            help_text=_(
                "Eén regel per dagdeel. Op nationale feestdagen is de werkplaats vanzelf dicht, "
                "tenzij u bij 'Sluitingen en andere tijden' andere tijden voor die dag invult."
            ),
        ),
        InlinePanel(
            "sluitingen",
            heading=_("Sluitingen en andere tijden"),
            label=_("Sluiting of andere tijden"),
            help_text=_("Vul geen tijden in als de werkplaats dicht is. Vul tijden in als hij dan anders open is."),
        ),
        MultiFieldPanel(
            [FieldPanel("rolstoeltoegankelijk"), FieldPanel("stilteruimte"), FieldPanel("talen")],
            heading=_("Toegankelijkheid en talen"),
        ),
        FieldPanel("onderwerpen"),
        FieldPanel("meenemen"),
        FieldPanel("foto"),
        FieldPanel("body"),
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
        if self.postcode and (self.latitude is None or self.longitude is None):
            # The postcode's centre is within a street of the door: close enough to sort by distance.
            from werkplaatsen.geocoding import locate

            found = locate(self.postcode)
            if found is not None:
                self.latitude = Decimal(f"{found.latitude:.6f}")
                self.longitude = Decimal(f"{found.longitude:.6f}")

    def save(self, *args, **kwargs):
        if self.gemeente_id is None:
            gemeente = gemeente_for_page(self)
            if gemeente is None:
                raise ValidationError(_("Een werkplaats hoort onder de website van een gemeente."))
            self.gemeente = gemeente
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        from werkplaatsen.response_cache import mark_cacheable

        response = super().serve(request, *args, **kwargs)
        return mark_cacheable(request, response) if not getattr(request, "is_preview", False) else response

    def get_context(self, request, *args, **kwargs):
        from werkplaatsen.selectors import werkplaats_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(werkplaats_detail(self, request=request))
        return context


class Spreekuur(Orderable):
    """One opening slot: a weekday and hours, every week, every n weeks or the nth weekday of a month.

    The shape follows Open Referral HSDS (freq, interval, byday, valid_from/valid_to), so the open
    data and the iCalendar feed can say exactly what an editor entered.
    """

    class Frequentie(models.TextChoices):
        WEKELIJKS = "wekelijks", _("Elke week")
        OM_DE_N_WEKEN = "om_de_n_weken", _("Om de zoveel weken")
        MAANDELIJKS = "maandelijks", _("Eén keer per maand")

    class WeekVanDeMaand(models.IntegerChoices):
        EERSTE = 1, _("eerste")
        TWEEDE = 2, _("tweede")
        DERDE = 3, _("derde")
        VIERDE = 4, _("vierde")
        LAATSTE = -1, _("laatste")

    werkplaats = ParentalKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="spreekuren")
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Weekdag.choices)
    opent = models.TimeField(_("open van"))
    sluit = models.TimeField(_("open tot"))
    frequentie = models.CharField(
        _("hoe vaak"), max_length=20, choices=Frequentie.choices, default=Frequentie.WEKELIJKS
    )
    interval = models.PositiveSmallIntegerField(
        _("om de hoeveel weken"), default=1, help_text=_("Alleen bij 'om de zoveel weken': 2 is om de week.")
    )
    week_van_de_maand = models.SmallIntegerField(
        _("welke week van de maand"), choices=WeekVanDeMaand.choices, null=True, blank=True,
        help_text=_("Alleen bij 'één keer per maand'."),
    )
    geldig_vanaf = models.DateField(
        _("vanaf"), null=True, blank=True,
        help_text=_("Bij 'om de zoveel weken' is dit de eerste keer. Leeg: geldt al."),
    )
    geldig_tot = models.DateField(_("tot en met"), null=True, blank=True, help_text=_("Leeg: geldt zonder einddatum."))
    aanwezig = models.CharField(
        _("wie is er"), max_length=150, blank=True,
        help_text=_("Bijvoorbeeld: ook een sociaal raadslid aanwezig."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekdag"), FieldPanel("opent"), FieldPanel("sluit")]),
        FieldRowPanel([FieldPanel("frequentie"), FieldPanel("interval"), FieldPanel("week_van_de_maand")]),
        FieldRowPanel([FieldPanel("geldig_vanaf"), FieldPanel("geldig_tot")]),
        FieldPanel("aanwezig"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("spreekuur")
        verbose_name_plural = _("spreekuren")

    def __str__(self) -> str:
        return f"{self.get_weekdag_display()} {self.opent:%H:%M}–{self.sluit:%H:%M}"

    def clean(self):
        from werkplaatsen import openingstijden

        super().clean()
        errors = openingstijden.spreekuur_errors(self)
        if errors:
            raise ValidationError(errors)


class Sluiting(Orderable):
    """A closure (no hours) or different hours (with hours) on one day or a range of days.

    A public holiday closes every werkplaats by itself; an editor who opens on one enters the hours
    of that day here.
    """

    werkplaats = ParentalKey(WerkplaatsPage, on_delete=models.CASCADE, related_name="sluitingen")
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    reden = models.CharField(_("reden"), max_length=150, help_text=_("Bijvoorbeeld: zomervakantie, verbouwing."))
    opent = models.TimeField(_("andere tijd: open van"), null=True, blank=True)
    sluit = models.TimeField(_("andere tijd: open tot"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("van"), FieldPanel("tot")]),
        FieldPanel("reden"),
        FieldRowPanel([FieldPanel("opent"), FieldPanel("sluit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("sluiting of andere tijden")
        verbose_name_plural = _("sluitingen en andere tijden")

    def __str__(self) -> str:
        return f"{self.van:%d-%m-%Y}–{self.tot:%d-%m-%Y} {self.reden}"

    @property
    def gesloten(self) -> bool:
        return self.opent is None

    def clean(self):
        from werkplaatsen import openingstijden

        super().clean()
        errors = openingstijden.sluiting_errors(self)
        if errors:
            raise ValidationError(errors)
