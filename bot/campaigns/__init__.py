"""Socialization campaigns: step timing, offsets and message rendering (pure)."""
