# The notice period is for "afmelden", the volunteer's word; "opzeggen" was a second word for it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("rooster", "0006_inchecken_ingeschreven_op"),
    ]

    operations = [
        migrations.RenameField(
            model_name="roosterinstellingen", old_name="opzegtermijn_uren", new_name="afmeldtermijn_uren"
        ),
    ]
