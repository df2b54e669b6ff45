"""The plain kiosk token goes; its hash (filled in 0008) is what links are looked up by."""

from django.db import migrations, models


def kiosks_wissen(apps, schema_editor):
    # Going back: the plain tokens cannot be recovered from their hashes, so the old code would find
    # no link at all. Without rows it makes fresh ones; coordinators hand those out again.
    apps.get_model("inloop", "Kiosk").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("inloop", "0008_kiosk_token_hash"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="kiosk",
            name="token",
        ),
        migrations.RunPython(migrations.RunPython.noop, kiosks_wissen),
        migrations.AlterField(
            model_name="kiosk",
            name="token_hash",
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
