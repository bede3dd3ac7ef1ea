"""Query helpers: functions that take a session and never commit."""
