"""General questions to BKPSDM outside a move (``/tanya_bkpsdm``) and the FAQ before them.

The employee first sees the FAQ (``bot.questions.faq``, edited by HR with ``/faq``); "my
question is not here" sends a typed question to HR's queue (``/pertanyaan``), due within
``QUESTION_TARGET_WORKING_DAYS`` working days; HR's answer reaches the employee through
the outbox (``bot.questions.service``).
"""

QUESTION_MAX_LEN = 1000  # the employee's question
ANSWER_MAX_LEN = 2000  # HR's answer
FAQ_QUESTION_MAX_LEN = 200  # a FAQ question (shown as a button)
FAQ_ANSWER_MAX_LEN = 2000
QUESTIONS_PAGE = 5  # questions per page of /pertanyaan
SKIP = "-"  # typed to skip (or clear) one language of a FAQ entry
