# A number whose resident did not come when called is NIET_VERSCHENEN, as its label says (was "weg").

from django.db import migrations, models

WAARDEN = {"weg": "niet_verschenen"}


def _map(apps, mapping):
    Wachtnummer = apps.get_model("inloop", "Wachtnummer")
    BezoekTelling = apps.get_model("inloop", "BezoekTelling")
    for old, new in mapping.items():
        Wachtnummer.objects.filter(status=old).update(status=new)
        BezoekTelling.objects.filter(dimensie=old).update(dimensie=new)


def waarden_forward(apps, schema_editor):
    _map(apps, WAARDEN)


def waarden_backward(apps, schema_editor):
    _map(apps, {new: old for old, new in WAARDEN.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("inloop", "0005_klok"),
    ]

    operations = [
        migrations.AlterField(
            model_name="wachtnummer",
            name="status",
            field=models.CharField(
                choices=[
                    ("wachtend", "Wachtend"),
                    ("geroepen", "Geroepen"),
                    ("geholpen", "Geholpen"),
                    ("overgedragen", "Overgedragen aan een professional"),
                    ("niet_verschenen", "Niet verschenen"),
                ],
                default="wachtend",
                max_length=15,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="bezoektelling",
            name="dimensie",
            field=models.CharField(
                choices=[
                    ("bezoek", "Bezoeken"),
                    ("onderwerp", "Onderwerp"),
                    ("uitkomst", "Uitkomst"),
                    ("eerste", "Eerste bezoek"),
                    ("uur", "Uur van de dag"),
                    ("taal", "Taal"),
                    ("niet_verschenen", "Niet verschenen"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(waarden_forward, waarden_backward),
    ]
