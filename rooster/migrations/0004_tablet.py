# The volunteers' sign-in device is the tablet; "kiosk" is the residents' ticket kiosk of inloop.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rooster", "0003_klok"),
        ("werkplaatsen", "0002_openingstijden_vinder"),
    ]

    operations = [
        migrations.RenameModel(old_name="RoosterKiosk", new_name="Tablet"),
        migrations.AlterField(
            model_name="tablet",
            name="werkplaats",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="rooster_tablet",
                to="werkplaatsen.werkplaatspage",
            ),
        ),
    ]
