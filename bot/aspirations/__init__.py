"""Transfer aspirations (aspirasi mutasi): windows, eligibility, statuses, drafts, exports.

Pure Python: no Telegram objects and no SQL. Handlers and the CLI call these functions
with plain values (dates, dicts) read from storage.
"""
