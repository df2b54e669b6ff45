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


def token_matches(token: str, hashed: str) -> bool:
    """Compare a presented token with a stored hash in constant time."""
    return hmac.compare_digest(token_hash(token), hashed or "")
