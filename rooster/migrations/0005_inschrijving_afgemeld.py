# A sign-up the volunteer (or coordinator) cancelled is "afgemeld", as its label always said;
# "geannuleerd" is left to a shift that does not go ahead.

from django.db import migrations, models

STATUSSEN = {"geannuleerd": "afgemeld"}


def _status_map(apps, mapping):
    Inschrijving = apps.get_model("rooster", "Inschrijving")
    for old, new in mapping.items():
        Inschrijving.objects.filter(status=old).update(status=new)


def statussen_forward(apps, schema_editor):
    _status_map(apps, STATUSSEN)


def statussen_backward(apps, schema_editor):
    _status_map(apps, {new: old for old, new in STATUSSEN.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("rooster", "0004_tablet"),
    ]

    operations = [
        migrations.AlterField(
            model_name="inschrijving",
            name="status",
            field=models.CharField(
                choices=[
                    ("ingeschreven", "Ingeschreven"),
                    ("wachtlijst", "Op de wachtlijst"),
                    ("afgemeld", "Afgemeld"),
                    ("aanwezig", "Aanwezig"),
                    ("niet_gekomen", "Niet gekomen"),
                ],
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(statussen_forward, statussen_backward),
    ]
