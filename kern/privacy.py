"""Small-count suppression: the one threshold and its markers, for every table that leaves a werkplaats.

Who sees exact small numbers (decided in accounts.permissions.report_needs_suppression and
inloop.views): only a coördinator, on screen, for werkplaatsen they all coordinate (they were there
and know who came). Every export (CSV, XLSX) and every report for anyone else is suppressed.
"""

# A count below this is never shown outside the werkplaats it is about.
DREMPEL = 5
# What a cell hidden because its own count is small shows: its true value is below DREMPEL.
MARKER_KLEIN = "<5"
# What a cell hidden only so that a small count cannot be worked out from the totals shows (secondary
# suppression): its value may be large, so "<5" there would be untrue.
MARKER_AFGELEID = "×"
