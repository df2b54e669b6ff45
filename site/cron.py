"""Periodic jobs, read by RQ's cron (`manage.py rqcron werkplaats_site.cron`, see the Procfile).

Each app adds its ticks here with rq.cron.register as it gains periodic work (the SMS outbox tick,
shift generation, retention). The heartbeat keeps the cron process visibly alive in the dashboard.

Times in the cron strings below are Amsterdam wall-clock times, in winter and in summer. RQ's cron
matches cron fields against the process's local time (it calls ``astimezone()`` without a zone);
Django happens to set ``TZ`` from ``TIME_ZONE`` when its settings load, but the meaning of "03:30"
should not hang on how the process was started, so this module sets it. Nightly jobs stay out of
02:00-03:00, the hour that is skipped in March and repeated in October.
``tests/site/test_cron.py`` reads this schedule the way RQ does.
"""

import os
import time

from rq import cron

from berichten.jobs import berichten_bewaartermijn, berichten_nummers_vergeten_job, berichten_tick
from inloop.jobs import vrije_tekst_wissen_job, wachtnummers_telefoon_wissen_job
from kern import clock
from rooster.jobs import diensten_genereren_job, herinneringen_job, niet_gekomen_job
from werkplaats_site.jobs import heartbeat

os.environ["TZ"] = clock.AMSTERDAM.key
time.tzset()

cron.register(heartbeat, queue_name="default", interval=300)

# SMS outbox: due messages onto the queue every minute; old message texts erased nightly.
cron.register(berichten_tick, queue_name="berichten", interval=60)
cron.register(berichten_bewaartermijn, queue_name="berichten", cron="30 3 * * *")
# Numbers a sender asked to forget (the kiosk's "you're next") that are still on a row after their day.
cron.register(berichten_nummers_vergeten_job, queue_name="berichten", cron="5 0 * * *")

# Rooster: shifts for the weeks ahead nightly; day-before reminders planned every 15 minutes (the
# outbox holds each until 18:00 Amsterdam time the day before); after a shift has ended, sign-ups
# without a sign-in are marked as no-show.
cron.register(diensten_genereren_job, queue_name="default", cron="15 4 * * *")
cron.register(herinneringen_job, queue_name="default", interval=900)
cron.register(niet_gekomen_job, queue_name="default", interval=1800)

# Inloop: phone numbers given at the kiosk for a "you're next" SMS never outlive their day.
cron.register(wachtnummers_telefoon_wissen_job, queue_name="default", cron="5 0 * * *")
# Free text that may hold personal data (visit notes, signals, hand-over notes) past each gemeente's period.
cron.register(vrije_tekst_wissen_job, queue_name="default", cron="45 3 * * *")
