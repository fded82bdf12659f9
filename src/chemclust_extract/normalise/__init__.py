"""Normalisers: small pure functions from raw text (plus a hint) to a typed
value or ``None``.  They know value syntax, not labels or formats."""
