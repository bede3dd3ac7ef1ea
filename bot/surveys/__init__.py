"""Post-mutation satisfaction surveys: definitions, answer rules, aggregation, charts, export.

Pure Python: no Telegram objects and no SQL. Storage lives in ``storage.queries.surveys``,
the chat face in ``handlers.surveys`` (answering) and ``handlers.surveys_hr`` (results).
"""

MIN_GROUP_SIZE = 5  # anonymity threshold: a group's results need at least this many responses
ROUND_OFFSETS_DAYS = (30, 90)  # invitations after the TMT of a decreed move
REMINDER_OFFSETS_DAYS = (3, 7)  # reminders after the invitation, to those not finished
CLOSE_AFTER_DAYS = 14  # answers are refused this long after the invitation
INVITE_LOCAL_HOUR = 9  # invitations go out at 09:00 local time
LOW_SATISFACTION_MAX = 2  # Likert answers at or below this are followed up (named surveys)
PUBLISH_EVERY_SECONDS = 300  # anonymous answers: how often complete batches are published
