from django.core.management.base import BaseCommand, CommandError

from accounts.audit import audit_chain_verify


class Command(BaseCommand):
    help = "Controleert de hashketen van het auditlog; faalt bij de eerste regel die niet klopt."

    def handle(self, *args, **options):
        report = audit_chain_verify()
        if not report.intact:
            raise CommandError(
                f"Auditlog is aangetast: regel {report.first_broken_id} klopt niet met de keten "
                f"({report.rows} regels gecontroleerd)."
            )
        self.stdout.write(self.style.SUCCESS(f"Auditlog intact: {report.rows} regels."))
