cmd-tanya_bkpsdm = Ask BKPSDM (general questions, outside a proposed move)
menu-tanya_bkpsdm = 💬 Ask BKPSDM
cmd-pertanyaan = Employees' general questions and the response-time target (BKPSDM)
menu-pertanyaan = 💬 General questions
cmd-faq = Edit the questions and answers (FAQ) shown to employees (BKPSDM)
menu-faq = 📚 FAQ
questions-faq_title =
    💬 <b>Ask BKPSDM</b>
    The answer may already be here. Pick a question, or press "My question is not here".
questions-faq_empty =
    💬 <b>Ask BKPSDM</b>
    Write your question for BKPSDM with the button below.
questions-btn_not_here = ✍️ My question is not here
questions-btn_ask = ✍️ Write a question
questions-btn_faq = ⬅️ Question list
questions-faq_answer =
    ❓ <b>{ $question }</b>

    { $answer }
questions-faq_gone = This question is no longer in the list. Type /tanya_bkpsdm to see the current list.
questions-ask = Type your question for BKPSDM (at most { NUMBER($limit) } characters). BKPSDM answers within { $days } working days. Type /cancel to stop.
questions-sent = ✅ Your question (#{ $id }) has been passed to BKPSDM. The answer comes in this chat, by { $due } at the latest.
questions-refused = The question cannot be sent because your account is not linked to an active employee.
questions-hr_notice = 💬 New general question #{ $id } from an employee (answer target { $days } working days). Open /pertanyaan.
questions-queue_none = No general question is waiting for an answer.
questions-queue_title =
    💬 <b>General questions waiting for an answer</b>: { NUMBER($count) }, overdue: { NUMBER($overdue) } (page { $page }/{ $pages })
    Response-time target: { $days } working days. Overdue questions come first.
questions-queue_line =
    { $late ->
        [yes] ⚠️
       *[no] •
    } #{ $id } <b>{ $name }</b> ({ $nip }) · { $unit }
    asked { $asked } · due { $due }{ $late ->
        [yes] { " " }<b>overdue</b>
       *[no] {""}
    }
    <i>{ $text }</i>
questions-btn_answer = ✍️ Answer #{ $id }
questions-already = Question #{ $id } has already been answered.
questions-ask_answer =
    Question #{ $id }:
    <i>{ $text }</i>

    Type your answer (it is sent to the employee). Type /cancel to stop.
questions-answered = ✅ The answer to question #{ $id } was sent to the employee.
questions-answered_undelivered = The answer to question #{ $id } is saved but cannot be sent: the employee's account is no longer linked or not active.
questions-answer_to_employee =
    💬 <b>BKPSDM's answer</b>
    Your question: <i>{ $question }</i>

    { $answer }
faq-admin_title = 📚 <b>FAQ</b>: { NUMBER($count) } entries, shown in /tanya_bkpsdm. Pick an entry to edit or remove it, or add a new one.
faq-admin_empty = 📚 The <b>FAQ</b> is empty. Add the first entry; employees see it in /tanya_bkpsdm.
faq-btn_add = ➕ Add an entry
faq-entry_button = #{ $id } { $question }
faq-entry_card =
    📚 <b>FAQ #{ $id }</b>
    🇮🇩 Pertanyaan: { $q_id }
    🇮🇩 Jawaban: { $a_id }
    🇬🇧 Question: { $q_en }
    🇬🇧 Answer: { $a_en }
faq-empty_text = (empty)
faq-btn_edit = { $field ->
        [question_id] ✏️ Question (ID)
        [answer_id] ✏️ Answer (ID)
        [question_en] ✏️ Question (EN)
       *[answer_en] ✏️ Answer (EN)
    }
faq-btn_remove = 🗑 Remove
faq-btn_remove_yes = 🗑 Yes, remove
faq-btn_list = ⬅️ FAQ list
faq-ask_q_id = Type the <b>question in Bahasa Indonesia</b> (at most { NUMBER($limit) } characters), or type - if this entry is in English only. Type /cancel to stop.
faq-ask_a_id = Type <b>its answer in Bahasa Indonesia</b>.
faq-ask_q_en = Type the <b>question in English</b> (at most { NUMBER($limit) } characters), or type - to skip English.
faq-ask_a_en = Type <b>its answer in English</b>.
faq-answer_required = The answer cannot be skipped; type the answer.
faq-need_language = An entry needs a question and an answer in at least one language. Start again: type the question in Bahasa Indonesia, or - to skip it.
faq-added = ✅ FAQ entry #{ $id } added.
faq-ask_edit =
    Current text: <i>{ $current }</i>

    Type the new text, or - to clear it. Type /cancel to stop.
faq-edited = ✅ FAQ entry #{ $id } changed.
faq-incomplete = Not saved: the entry must keep a question and an answer in at least one language.
faq-gone = This FAQ entry no longer exists.
faq-confirm_remove = Remove FAQ entry #{ $id }? Employees will no longer see it.
faq-removed = 🗑 FAQ entry #{ $id } removed.
