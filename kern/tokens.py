"""Secret tokens for links (feeds, invitations, kiosks): made here, stored only as a hash.

A token is shown once (in a link); the database keeps its SHA-256. Tokens carry 192 bits or more
of randomness, so a plain hash is enough: there is nothing to guess that a slow hash would protect.
"""

import hashlib
import hmac
import secrets


def token_generate(nbytes: int = 32) -> str:
    """A URL-safe random token of ``nbytes`` bytes of randomness."""
    return secrets.token_urlsafe(nbytes)


def token_hash(token: str) -> str:
    """The hex SHA-256 of a token: what the database stores and looks up by."""
    return hashlib.sha256((token or "").encode()).hexdigest()


def keyed_hash(value: str) -> str:
    """An HMAC-SHA256 keyed with SECRET_KEY, for short secrets (login codes) and phone numbers.

    A six-digit code or a phone number is easy to guess, so a plain hash would give it away; the
    key, which is not in the database, makes a stolen table useless.
    """
    from django.conf import settings

    return hmac.new(settings.SECRET_KEY.encode(), (value or "").encode(), hashlib.sha256).hexdigest()


def token_matches(token: str, hashed: str) -> bool:
    """Compare a presented token with a stored hash in constant time."""
    return hmac.compare_digest(token_hash(token), hashed or "")
