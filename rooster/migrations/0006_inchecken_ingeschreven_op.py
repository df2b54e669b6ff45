# Signing up is "inschrijven", being at the werkplaats is "inchecken"/"uitchecken": "aanmelden" and
# "afmelden" no longer name presence, so "afmelden" means one thing (cancelling a sign-up).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rooster", "0005_inschrijving_afgemeld"),
    ]

    operations = [
        migrations.RenameField(model_name="inschrijving", old_name="aangemeld_op", new_name="ingeschreven_op"),
        migrations.AlterField(
            model_name="inschrijving",
            name="ingeschreven_op",
            field=models.DateTimeField(verbose_name="ingeschreven op"),
        ),
        migrations.AlterField(
            model_name="inschrijving",
            name="ingecheckt_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="ingecheckt op"),
        ),
        migrations.AlterField(
            model_name="inschrijving",
            name="uitgecheckt_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="uitgecheckt op"),
        ),
        migrations.AlterModelOptions(
            name="tablet", options={"verbose_name": "tablet", "verbose_name_plural": "tablets"}
        ),
    ]
