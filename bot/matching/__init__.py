"""Skill matching: competence dictionary, text normaliser, eligibility and ranking."""
