"""StreamField blocks editors build pages from. Help texts are for editors, in plain Dutch (B1)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# No headings inside a paragraph: page headings come from the heading block only, so the order
# h1 → h2 stays right whatever an editor types.
TEKST_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class KopBlock(blocks.CharBlock):
    class Meta:
        label = _("Kop")
        icon = "title"
        template = "content/blocks/kop.html"
        help_text = _("Een korte kop boven een stuk tekst. Bijvoorbeeld: Wat moet ik meenemen?")


class AfbeeldingBlock(blocks.StructBlock):
    afbeelding = ImageBlock(
        label=_("Afbeelding"),
        help_text=_(
            "Beschrijf in de alternatieve tekst wat er op de foto te zien is, voor mensen die niet goed "
            "kunnen zien. Is de foto alleen versiering? Zet dan een vinkje bij ‘decoratief’."
        ),
    )
    onderschrift = blocks.CharBlock(
        label=_("Onderschrift"), required=False, help_text=_("Tekst onder de foto. Mag leeg blijven.")
    )

    class Meta:
        label = _("Afbeelding")
        icon = "image"
        template = "content/blocks/afbeelding.html"


class ActieBlock(blocks.StructBlock):
    """A call to action: one clear next step, to a page on this site or to another website."""

    tekst = blocks.CharBlock(
        label=_("Tekst op de knop"),
        max_length=60,
        help_text=_("Zeg wat er gebeurt als je klikt. Bijvoorbeeld: Zoek een werkplaats bij u in de buurt."),
    )
    pagina = blocks.PageChooserBlock(
        label=_("Pagina op deze site"), required=False, help_text=_("Kies een pagina óf vul een webadres in.")
    )
    url = blocks.URLBlock(
        label=_("Webadres van een andere site"),
        required=False,
        help_text=_("Alleen als de link naar een andere website gaat. Begin met https://."),
    )

    class Meta:
        label = _("Knop naar een volgende stap")
        icon = "link"
        template = "content/blocks/actie.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("pagina")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(_("Kies een pagina óf vul een webadres in, niet allebei."))]
            )
        return value


class LetOpBlock(blocks.StructBlock):
    titel = blocks.CharBlock(
        label=_("Titel"),
        default=_("Let op"),
        max_length=80,
        help_text=_("Meestal gewoon ‘Let op’."),
    )
    tekst = blocks.RichTextBlock(
        label=_("Tekst"),
        features=TEKST_FEATURES,
        help_text=_("Iets wat de lezer echt moet weten. Houd het kort: één of twee zinnen."),
    )

    class Meta:
        label = _("Let op")
        icon = "warning"
        template = "content/blocks/let_op.html"


class StandaardBlocks(blocks.StreamBlock):
    kop = KopBlock()
    tekst = blocks.RichTextBlock(
        label=_("Tekst"),
        features=TEKST_FEATURES,
        template="content/blocks/tekst.html",
        help_text=_("Schrijf korte zinnen en gewone woorden. Spreek de lezer aan met ‘u’."),
    )
    afbeelding = AfbeeldingBlock()
    actie = ActieBlock()
    let_op = LetOpBlock()


class OnderwerpBlock(blocks.StructBlock):
    """One thing a resident can come to the werkplaats for."""

    titel = blocks.CharBlock(
        label=_("Onderwerp"),
        max_length=80,
        help_text=_("Kort en herkenbaar. Bijvoorbeeld: Brieven die u niet begrijpt."),
    )
    uitleg = blocks.TextBlock(
        label=_("Uitleg"),
        required=False,
        max_length=250,
        help_text=_("Eén zin over waarmee we helpen. Mag leeg blijven."),
    )

    class Meta:
        label = _("Onderwerp")
        icon = "tag"


class VraagBlock(blocks.StructBlock):
    vraag = blocks.CharBlock(
        label=_("Vraag"),
        max_length=200,
        help_text=_(
            "Schrijf de vraag zoals een bezoeker hem stelt. Bijvoorbeeld: Moet ik een afspraak maken?"
        ),
    )
    antwoord = blocks.RichTextBlock(
        label=_("Antwoord"),
        features=TEKST_FEATURES,
        help_text=_("Begin met het korte antwoord (ja, nee, gratis). Geef daarna pas de uitleg."),
    )

    class Meta:
        label = _("Vraag en antwoord")
        icon = "help"


class BekendProbleemBlock(blocks.StructBlock):
    """A known accessibility problem, in the shape the Dutch model statement asks for."""

    probleem = blocks.CharBlock(
        label=_("Wat werkt nog niet goed"),
        max_length=200,
        help_text=_("Bijvoorbeeld: De kaart werkt niet met het toetsenbord."),
    )
    gevolg = blocks.TextBlock(
        label=_("Wat betekent dat voor de bezoeker"),
        help_text=_(
            "Wie heeft er last van, en hoe kan die toch verder? Bijvoorbeeld: gebruik de lijst onder de kaart."
        ),
    )
    oplossing = blocks.TextBlock(
        label=_("Wat doen we eraan en wanneer"),
        required=False,
        help_text=_("Wat gaan we doen en wanneer is het klaar? Weet u het niet? Zeg dat dan eerlijk."),
    )

    class Meta:
        label = _("Bekend probleem")
        icon = "warning"
