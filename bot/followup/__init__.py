"""Follow-up cases: after an anonymous survey an employee may ask BKPSDM to contact them.

The case is named and stored apart from the survey answers, with no link to them
(``storage.models.followup``); HR works the cases in ``/tindak_lanjut``
(``handlers.followup``). Named surveys keep their low-score list instead
(``bot.surveys.service_hr.follow_up``).
"""

CASES_PAGE = 5  # cases per page of /tindak_lanjut
NOTE_MAX_LEN = 1000  # an action noted on a case, or the closing note
