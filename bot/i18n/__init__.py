"""Locale-aware formatting beyond the message catalogues (dates and times per locale)."""
