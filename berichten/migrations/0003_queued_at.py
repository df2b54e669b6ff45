# The RQ machinery gets English technical names; "wachtrij" is the walk-in queue of inloop only.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("berichten", "0002_klok"),
    ]

    operations = [
        migrations.RenameField(model_name="bericht", old_name="in_wachtrij_op", new_name="queued_at"),
        migrations.AlterField(
            model_name="bericht",
            name="queued_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="klaargezet op"),
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
                    ("blocked", "geblokkeerd door afmelding"),
                    ("cancelled", "geannuleerd"),
                ],
                default="waiting",
                max_length=16,
                verbose_name="status",
            ),
        ),
    ]
