"""Gemeenten created before this app existed get the default topics too."""

from django.db import migrations

STANDAARD = [
    ("brieven", "Brieven en formulieren"),
    ("betalingsachterstand", "Betalingsachterstand"),
    ("afsluiting", "Afsluiting energie of water"),
    ("huur", "Huurachterstand of uitzetting"),
    ("uitkering", "Uitkering en toeslagen"),
    ("belasting", "Belastingaangifte"),
    ("budgetteren", "Budgetteren"),
    ("schulden", "Schulden"),
    ("digid", "DigiD en online formulieren"),
    ("overig", "Iets anders"),
]


def forwards(apps, schema_editor):
    Gemeente = apps.get_model("werkplaatsen", "Gemeente")
    Onderwerp = apps.get_model("inloop", "Onderwerp")
    for gemeente in Gemeente.objects.all():
        Onderwerp.objects.bulk_create(
            [Onderwerp(gemeente=gemeente, code=c, naam=n, volgorde=i) for i, (c, n) in enumerate(STANDAARD)],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("inloop", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
