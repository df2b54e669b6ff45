"""The shared leaf: what every app needs and no app owns.

One clock (``kern.clock``), working days (``kern.werkdagen``), phone numbers (``kern.telefoon``),
secret tokens (``kern.tokens``), the domain error (``kern.fouten``) and the small-count rule
(``kern.privacy``). ``kern`` imports no app of this project; import-linter checks that in CI.
"""
