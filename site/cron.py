"""Periodic jobs, read by RQ's cron (`manage.py rqcron werkplaats_site.cron`, see the Procfile).

Each app adds its ticks here with rq.cron.register as it gains periodic work (the SMS outbox tick,
shift generation, retention). The heartbeat keeps the cron process visibly alive in the dashboard.
"""

from rq import cron

from berichten.jobs import berichten_bewaartermijn, berichten_tick
from werkplaats_site.jobs import heartbeat

cron.register(heartbeat, queue_name="default", interval=300)

# SMS outbox: due messages onto the queue every minute; old message texts erased nightly.
cron.register(berichten_tick, queue_name="berichten", interval=60)
cron.register(berichten_bewaartermijn, queue_name="berichten", cron="30 3 * * *")
