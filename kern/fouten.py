"""The one domain error: a stable code for programs and a plain Dutch message for people.

Services raise ``DomeinFout`` (or a subclass) when a rule is broken. The code says what went wrong
(``dienst_vol``, ``geen_toegang``); the soort says how a view answers it, in one place
(``kern.http``): a refusal is 403, something that does not exist for this user is 404, a clash with
the state of things is 409, input that cannot be used is 422.
"""

from enum import StrEnum


class Soort(StrEnum):
    GEWEIGERD = "geweigerd"  # 403: this user may not do this
    NIET_GEVONDEN = "niet_gevonden"  # 404: not there, or not for this user (tenancy hides existence)
    CONFLICT = "conflict"  # 409: the state of things does not allow it now (full, already taken)
    ONGELDIG = "ongeldig"  # 422: the input cannot be used as given


class DomeinFout(Exception):
    """A rule was broken. ``str(fout)`` is a Dutch message fit to show to the user."""

    soort: Soort = Soort.CONFLICT

    def __init__(self, message: str, code: str, *, soort: Soort | None = None):
        super().__init__(message)
        self.message = str(message)
        self.code = code
        if soort is not None:
            self.soort = soort

    @property
    def status(self) -> int:
        return STATUS[self.soort]


STATUS = {Soort.GEWEIGERD: 403, Soort.NIET_GEVONDEN: 404, Soort.CONFLICT: 409, Soort.ONGELDIG: 422}
