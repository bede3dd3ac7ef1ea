"""Persistence: SQLAlchemy models, query helpers, the transaction scope and migrations."""
