"""Small-count suppression: the one threshold and its markers, for every table that leaves a werkplaats."""

# A count below this is never shown outside the werkplaats it is about.
DREMPEL = 5
# What a suppressed cell shows instead of its number.
MARKER_KLEIN = "<5"
