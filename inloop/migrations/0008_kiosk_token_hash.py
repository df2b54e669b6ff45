"""Kiosk tokens stored as a hash: first the hash next to the plain token (this migration), then the
plain column goes (0009). Two migrations, so PostgreSQL never alters a table it has rows pending on.

The links already on the kiosks and screens keep working: the token in their URL hashes to the
hash written here.
"""

import hashlib

from django.db import migrations, models


def token_hash_vullen(apps, schema_editor):
    Kiosk = apps.get_model("inloop", "Kiosk")
    for pk, token in Kiosk.objects.values_list("pk", "token"):
        # kern.tokens.token_hash, written out: a migration must mean the same thing forever.
        Kiosk.objects.filter(pk=pk).update(token_hash=hashlib.sha256(token.encode()).hexdigest())


class Migration(migrations.Migration):

    dependencies = [
        ("inloop", "0007_signaal_gewist"),
    ]

    operations = [
        migrations.AddField(
            model_name="kiosk",
            name="token_hash",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(token_hash_vullen, migrations.RunPython.noop),
    ]
