"""Editorial pages of the public site, and the per-site settings the page layout reads."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from content import structured_data
from content.blocks import BekendProbleemBlock, OnderwerpBlock, StandaardBlocks, VraagBlock
from werkplaatsen.links import page_absolute_url
from werkplaatsen.models import WerkplaatsIndexPage

RICH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
# Body text below a fixed h2 of the page template: h3 at most, so headings stay in order.
SECTIE_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]

kleur_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Vul een kleur in als #RRGGBB, bijvoorbeeld #01689b.")
)


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of #RRGGBB against white (1 to 21)."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def leesbaar_op_wit(colour: str) -> None:
    """The header has white text on this colour, and links use it on white: both need 4.5:1 (WCAG AA)."""
    if kleur_validator.regex.match(colour or "") and contrast_with_white(colour) < 4.5:
        raise ValidationError(
            _("Deze kleur is te licht: wit erop (en de kleur op wit) is slecht te lezen. Kies een donkerder kleur.")
        )


class HomePage(Page):
    """The front page of a gemeente's site: where a resident starts."""

    intro = models.CharField(
        _("introductie"),
        max_length=250,
        blank=True,
        help_text=_("Eén of twee zinnen in eenvoudige taal (B1)."),
    )
    body = RichTextField(_("tekst"), blank=True, features=RICH_FEATURES)
    onderwerpen_kop = models.CharField(
        _("kop boven de onderwerpen"), max_length=80, default=_("Waarvoor kunt u komen?")
    )
    onderwerpen = StreamField(
        [("onderwerp", OnderwerpBlock())],
        blank=True,
        verbose_name=_("onderwerpen"),
        help_text=_(
            "Waarmee helpen we? Zet de vragen die het meest voorkomen bovenaan. Vier tot acht is genoeg."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("onderwerpen_kop"), FieldPanel("onderwerpen")], heading=_("Waarvoor kunt u komen?")
        ),
        FieldPanel("body"),
    ]
    # A home page is the root of a gemeente's site, so it sits directly under the tree root, once per
    # gemeente (no max_count_per_parent: every gemeente's site needs its own home page there).
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("startpagina")

    def werkplaatsen_index(self) -> WerkplaatsIndexPage | None:
        return WerkplaatsIndexPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        from werkplaatsen.selectors import werkplaatsen_open_today, werkplaatsen_opened_today

        context = super().get_context(request, *args, **kwargs)
        context["werkplaatsen_index"] = index = self.werkplaatsen_index()
        if index is not None:
            site_id = self.get_site().pk
            context["open_vandaag"] = werkplaatsen_open_today(site_id=site_id)
            if not context["open_vandaag"]:
                context["vandaag_geopend"] = werkplaatsen_opened_today(site_id=site_id)
        return context


class StandaardPagina(Page):
    """An ordinary information page built from blocks: text, headings, pictures, a button, a note."""

    intro = models.CharField(
        _("introductie"),
        max_length=250,
        blank=True,
        help_text=_("Eén of twee zinnen: waar gaat deze pagina over? Deze tekst staat bovenaan, groot."),
    )
    body = StreamField(
        StandaardBlocks(),
        blank=True,
        verbose_name=_("inhoud"),
        help_text=_("Bouw de pagina op uit blokken. Gebruik een kop voor elk nieuw onderwerp."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["content.HomePage", "content.StandaardPagina"]
    subpage_types = ["content.StandaardPagina", "content.VeelgesteldeVragenPagina"]
    # Under the home page it is then linked in the footer, unless the editor unticks "show in menus".
    show_in_menus_default = True

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")


class VeelgesteldeVragenPagina(Page):
    """Questions and answers, shown as an open/close list and published as schema.org FAQPage."""

    intro = models.CharField(
        _("introductie"),
        max_length=250,
        blank=True,
        help_text=_("Eén zin boven de vragen. Bijvoorbeeld: Staat uw vraag er niet bij? Loop gewoon binnen."),
    )
    vragen = StreamField(
        [("vraag", VraagBlock())],
        verbose_name=_("vragen"),
        help_text=_("Eén blok per vraag. Zet de vragen die het vaakst gesteld worden bovenaan."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("vragen")]
    parent_page_types = ["content.HomePage", "content.StandaardPagina"]
    subpage_types: list[str] = []
    show_in_menus_default = True

    class Meta:
        verbose_name = _("veelgestelde vragen")
        verbose_name_plural = _("pagina's met veelgestelde vragen")

    def structured_data(self, request=None) -> dict:
        return structured_data.faq_page(
            url=page_absolute_url(self, request),
            name=self.title,
            language=get_language() or "nl",
            vragen=[
                (block.value["vraag"], structured_data.plain_text(str(block.value["antwoord"])))
                for block in self.vragen
            ],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = structured_data.json_ld_script(self.structured_data(request))
        return context


class ToegankelijkheidStatus(models.TextChoices):
    # The five levels of the Dutch government's model statement.
    A = "A", _("A – voldoet volledig aan de eisen")
    B = "B", _("B – voldoet gedeeltelijk aan de eisen")
    C = "C", _("C – eerste maatregelen genomen")
    D = "D", _("D – aanvullende maatregelen nodig")
    E = "E", _("E – voldoet niet aan de eisen")


class ToegankelijkheidsverklaringPagina(Page):
    """How accessible this site is, what is known to be wrong, and where to report a problem."""

    geldt_voor = models.CharField(
        _("geldt voor"),
        max_length=200,
        help_text=_("Welke website gaat dit over? Bijvoorbeeld: werkplaats.zwolle.nl."),
    )
    status = models.CharField(
        _("status"),
        max_length=1,
        choices=ToegankelijkheidStatus.choices,
        help_text=_(
            "Hoe goed voldoet de website aan de eisen (WCAG 2.1 niveau AA)? Kies wat het laatste onderzoek zegt."
        ),
    )
    datum_verklaring = models.DateField(_("datum van deze verklaring"))
    datum_onderzoek = models.DateField(
        _("datum laatste onderzoek"), help_text=_("Wanneer is de website voor het laatst gecontroleerd?")
    )
    onderzocht_door = models.CharField(
        _("onderzocht door"),
        max_length=200,
        help_text=_(
            "Wie heeft de controle gedaan? Bijvoorbeeld de naam van het bureau, of ‘eigen controle’."
        ),
    )
    onderzoek_url = models.URLField(
        _("link naar het onderzoeksrapport"),
        blank=True,
        help_text=_("Mag leeg blijven als het rapport niet online staat."),
    )
    toelichting = RichTextField(
        _("toelichting"),
        blank=True,
        features=SECTIE_FEATURES,
        help_text=_("Wat doen we om de website goed bruikbaar te maken voor iedereen?"),
    )
    bekende_problemen = StreamField(
        [("probleem", BekendProbleemBlock())],
        blank=True,
        verbose_name=_("bekende problemen"),
        help_text=_("Alle problemen die nog niet zijn opgelost. Geen problemen bekend? Laat dit dan leeg."),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor meldingen"), help_text=_("Hier kunnen bezoekers een probleem melden.")
    )
    contact_telefoon = models.CharField(_("telefoonnummer voor meldingen"), max_length=20, blank=True)
    reactietermijn = models.CharField(
        _("reactietermijn"),
        max_length=100,
        default=_("binnen 5 werkdagen"),
        help_text=_("Hoe snel krijgt iemand antwoord? Bijvoorbeeld: binnen 5 werkdagen."),
    )
    klachten = RichTextField(
        _("niet tevreden?"),
        blank=True,
        features=SECTIE_FEATURES,
        help_text=_(
            "Waar kan iemand terecht als de oplossing niet goed is? Bijvoorbeeld de Nationale ombudsman."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("geldt_voor"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("datum_verklaring"),
                FieldPanel("datum_onderzoek"),
                FieldPanel("onderzocht_door"),
                FieldPanel("onderzoek_url"),
            ],
            heading=_("Status en onderzoek"),
        ),
        FieldPanel("toelichting"),
        FieldPanel("bekende_problemen"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_telefoon"), FieldPanel("reactietermijn")],
            heading=_("Contact voor meldingen"),
        ),
        FieldPanel("klachten"),
    ]
    # Directly under the home page, once: one statement per site.
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("toegankelijkheidsverklaring")
        verbose_name_plural = _("toegankelijkheidsverklaringen")


class PrivacyverklaringPagina(Page):
    """What personal data the werkplaatsen and this site use, why, for how long, and the resident's rights."""

    verantwoordelijke = models.CharField(
        _("verantwoordelijke"),
        max_length=200,
        help_text=_("Wie is verantwoordelijk voor de gegevens? Meestal: Gemeente <naam>."),
    )
    laatst_gewijzigd = models.DateField(_("laatst gewijzigd"))
    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=SECTIE_FEATURES,
        help_text=_("Kort: waar gaat deze verklaring over?"),
    )
    welke_gegevens = RichTextField(
        _("welke gegevens"),
        features=SECTIE_FEATURES,
        help_text=_("Welke gegevens gebruiken we? Zeg ook wat we níet vragen, bijvoorbeeld geen BSN."),
    )
    doelen = RichTextField(
        _("waarom"),
        features=SECTIE_FEATURES,
        help_text=_("Waarvoor gebruiken we de gegevens, en op welke grond?"),
    )
    bewaartermijnen = RichTextField(
        _("hoe lang"),
        features=SECTIE_FEATURES,
        help_text=_("Hoe lang bewaren we de gegevens? Noem per soort een termijn."),
    )
    delen_met = RichTextField(
        _("met wie delen we"),
        blank=True,
        features=SECTIE_FEATURES,
        help_text=_("Met wie delen we gegevens, en alleen wanneer? Bijvoorbeeld: alleen met uw toestemming."),
    )
    rechten = RichTextField(
        _("uw rechten"),
        features=SECTIE_FEATURES,
        help_text=_("Inzien, laten verbeteren, laten verwijderen, bezwaar maken. Leg uit hoe dat gaat."),
    )
    contact_email = models.EmailField(_("e-mailadres voor vragen over privacy"))
    functionaris_gegevensbescherming = models.CharField(
        _("functionaris gegevensbescherming"),
        max_length=200,
        blank=True,
        help_text=_("Naam of e-mailadres van de functionaris gegevensbescherming (FG)."),
    )
    klacht = RichTextField(
        _("een klacht indienen"),
        blank=True,
        features=SECTIE_FEATURES,
        help_text=_("Waar kan iemand een klacht indienen? Noem ook de Autoriteit Persoonsgegevens."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("verantwoordelijke"), FieldPanel("laatst_gewijzigd")],
            heading=_("Over deze verklaring"),
        ),
        FieldPanel("intro"),
        FieldPanel("welke_gegevens"),
        FieldPanel("doelen"),
        FieldPanel("bewaartermijnen"),
        FieldPanel("delen_met"),
        FieldPanel("rechten"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("functionaris_gegevensbescherming")],
            heading=_("Contact"),
        ),
        FieldPanel("klacht"),
    ]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacyverklaring")
        verbose_name_plural = _("privacyverklaringen")


@register_setting(icon="site")
class SiteInstellingen(BaseSiteSetting):
    """Per gemeente site: the pages the footer links to, and the gemeente's logo and colours."""

    privacyverklaring = models.ForeignKey(
        PrivacyverklaringPagina,
        verbose_name=_("privacyverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Deze pagina staat onderaan elke pagina als link. Wordt vanzelf ingevuld bij publiceren."
        ),
    )
    toegankelijkheidsverklaring = models.ForeignKey(
        ToegankelijkheidsverklaringPagina,
        verbose_name=_("toegankelijkheidsverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Deze pagina staat onderaan elke pagina als link. Wordt vanzelf ingevuld bij publiceren."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Het logo van de gemeente, bovenaan elke pagina."),
    )
    huisstijlkleur = models.CharField(
        _("huisstijlkleur"),
        max_length=7,
        default="#01689b",
        validators=[kleur_validator, leesbaar_op_wit],
        help_text=_("De hoofdkleur van de gemeente, als #RRGGBB. Witte tekst moet er goed op te lezen zijn."),
    )
    accentkleur = models.CharField(
        _("accentkleur"),
        max_length=7,
        default="#e17000",
        validators=[kleur_validator],
        help_text=_("Een tweede kleur voor accenten, als #RRGGBB."),
    )

    # One query for the whole footer and theme: the linked pages and logo come along in a join.
    select_related = ["privacyverklaring", "toegankelijkheidsverklaring", "logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("privacyverklaring"), FieldPanel("toegankelijkheidsverklaring")],
            heading=_("Voettekst"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("huisstijlkleur"), FieldPanel("accentkleur")],
            heading=_("Huisstijl"),
        ),
    ]

    class Meta:
        verbose_name = _("instellingen van de site")
        verbose_name_plural = _("instellingen van de sites")
