# An SMS opt-out is a "sms-stop"; "afmelden" is a volunteer cancelling a shift (rooster).

from django.db import migrations, models

import kern.fields

SOORTEN = {"afmelding": "sms_stop"}


def _soort_map(apps, mapping):
    Bericht = apps.get_model("berichten", "Bericht")
    for old, new in mapping.items():
        Bericht.objects.filter(soort=old).update(soort=new)


def soorten_forward(apps, schema_editor):
    _soort_map(apps, SOORTEN)


def soorten_backward(apps, schema_editor):
    _soort_map(apps, {new: old for old, new in SOORTEN.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("berichten", "0003_queued_at"),
    ]

    operations = [
        migrations.RenameModel(old_name="Afmelding", new_name="SmsStop"),
        migrations.AlterModelOptions(
            name="smsstop", options={"verbose_name": "sms-stop", "verbose_name_plural": "sms-stops"}
        ),
        migrations.RenameField(model_name="smsstop", old_name="afgemeld_op", new_name="gestopt_op"),
        migrations.AlterField(
            model_name="smsstop",
            name="gestopt_op",
            field=kern.fields.ClockDateTimeField(auto_now_add=True, verbose_name="sms gestopt op"),
        ),
        migrations.AlterField(
            model_name="bericht",
            name="status",
            field=models.CharField(
                choices=[
                    ("waiting", "wachtend"),
                    ("queued", "klaargezet"),
                    ("sent", "verzonden"),
                    ("delivered", "afgeleverd"),
                    ("failed", "mislukt"),
                    ("undeliverable", "onbestelbaar"),
                    ("blocked", "geblokkeerd: sms gestopt"),
                    ("cancelled", "geannuleerd"),
                ],
                default="waiting",
                max_length=16,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(soorten_forward, soorten_backward),
    ]
