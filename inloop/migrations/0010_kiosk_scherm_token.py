"""The room screen gets a token of its own.

Links handed out before this migration carried one token for both the kiosk and the screen; the
screen's hash starts as a copy of it, so every existing screen link keeps working until the
coordinator replaces the links (then they are two different ones).
"""

from django.db import migrations, models


def copy_hash(apps, schema_editor):
    Kiosk = apps.get_model("inloop", "Kiosk")
    Kiosk.objects.update(scherm_token_hash=models.F("token_hash"))


class Migration(migrations.Migration):
    dependencies = [("inloop", "0009_kiosk_token_weg")]

    operations = [
        migrations.AddField(
            model_name="kiosk", name="scherm_token_hash", field=models.CharField(max_length=64, null=True)
        ),
        migrations.RunPython(copy_hash, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="kiosk", name="scherm_token_hash", field=models.CharField(max_length=64, unique=True)
        ),
    ]
