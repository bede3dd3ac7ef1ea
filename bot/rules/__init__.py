"""The rules of a move, judged on a date: one pure rule set (``checks``) and its services.

``checks.evaluate`` takes plain values (``model.MoveFacts``) and a date — the proposed TMT,
or the SK's TMT at the decree — and returns one ``RuleResult`` per rule. The services
(``service`` gathers the facts and records overrides, ``periods`` keeps the election freeze
periods, ``rotation`` lists who is due for rotation) are the only parts that read the
database.
"""
