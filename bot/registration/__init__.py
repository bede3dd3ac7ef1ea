"""Linking Telegram users to roster employees (invite codes, contact matching)."""
