"""Mutation plans: statuses, rule warnings and consultation rules (pure Python)."""
