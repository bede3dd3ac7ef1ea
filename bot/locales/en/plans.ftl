cmd-rencana = Mutation plans (BKPSDM)
cmd-persetujuan = Approve proposed moves (PPK)
cmd-tanya = Employees' questions about proposed moves
menu-rencana = 🗂 Mutation plans
menu-persetujuan = ✍️ Approvals
menu-tanya = ❓ Employees' questions
plans-list_title =
    🗂 <b>Mutation plans</b>
    Choose a plan, or create a new one:
plans-list_empty = No mutation plan yet. Press the button below to create the first one.
plans-btn_new = ➕ New plan
plans-ask_name = Type the plan's name, e.g. <i>Mutasi Januari 2027</i>. Type /cancel to stop.
plans-created = ✅ Plan #{ $id } created (Draf).
plans-card =
    🗂 <b>Plan #{ $id }: { $name }</b>
    Status: { $status }
    { "" }
plans-move_line = #{ $id } { $name }: { $src } → <b>{ $dst }</b> ({ $status })
plans-no_moves = No moves yet. Press <b>Add a move</b>.
plans-btn_add = ➕ Add a move
plans-btn_submit = 📤 Submit to the PPK
plans-btn_consult = 📨 Send consultation to employees
plans-btn_moves = 🔎 Move details
plans-btn_summary = 📊 Answers summary
plans-btn_xlsx = 📥 Export XLSX
plans-btn_audit = 🧾 Audit trail
plans-btn_workload = ⚖️ Workload
plans-ask_emp = Type the NIP or name of the employee. Type /cancel to stop.
plans-emp_not_found = No active employee matches “{ $query }”. Type the NIP again (18 digits, or its first digits) or the employee's name, or press Cancel.
plans-emp_pick = { $count ->
        [one] { NUMBER($count) } employee matches
       *[other] { NUMBER($count) } employees match
    } “{ $query }” (page { $page }/{ $pages }). Choose the one you mean, or type the NIP or name again:
plans-ask_dest =
    Destination for <b>{ $name }</b>: type an open position code (e.g. <i>F-001</i>) or <i>Unit / Position</i> (e.g. <i>Dinas Kesehatan / Analis Kebijakan</i>).
    To another agency: <i>out: Agency / Position</i> (e.g. <i>out: Pemerintah Provinsi Jawa Barat / Analis Kebijakan</i>).
plans-ask_dest_revise = Revising move #{ $id }: type the new destination — a position code or <i>Unit / Position</i>.
plans-dest_unknown = Destination not recognised. Type an open position code, or <i>Unit / Position</i> with an existing unit name.
plans-ask_tmt =
    Destination: <b>{ $unit }</b> — { $position }.
    Type the proposed TMT (effective date), { dates-hint_date }.
plans-tmt_past_confirm = ⚠️ The TMT { $tmt } has already passed (today is { $today }). Type the same date again to keep it, or type another TMT.
plans-ask_why = Type the rationale of this move (shown to the employee), at most 500 characters.
plans-move_added = ✅ Move #{ $id } for { $name } added.
plans-already_in_plan = { $name } still has a live proposed move: #{ $move } in plan #{ $plan } <i>{ $plan_name }</i>. One employee can be in one live move only; finish or cancel that move first.
plans-not_draft = This plan is no longer a Draf; moves cannot be added.
plans-no_draft_plan = There is no Draf plan to hold this proposal. Create a new plan now; the proposal continues in it right away.
plans-usul_intro = Proposal: <b>{ $name }</b> to position <b>{ $position }</b> ({ $unit }), in plan <i>{ $plan }</i>.
plans-cannot_submit = A plan can be submitted only as a Draf with at least one move.
plans-submitted = 📤 Plan #{ $id } ({ $count ->
        [one] { NUMBER($count) } move
       *[other] { NUMBER($count) } moves
    }) submitted to the PPK.
plans-approver_notice = 📥 Mutation plan #{ $id } <b>{ $name }</b> ({ $count ->
        [one] { NUMBER($count) } move
       *[other] { NUMBER($count) } moves
    }) awaits your decision. Open /persetujuan.
plans-decided_notice = ✍️ Every move of plan #{ $id } is decided: { NUMBER($approved) } approved, { NUMBER($rejected) } rejected. Open /rencana to send the consultation.
plans-consult_started = 📨 Consultation sent to { $sent ->
        [one] { NUMBER($sent) } employee
       *[other] { NUMBER($sent) } employees
    }. Not linked to the bot: { NUMBER($unlinked) }.
plans-moves_title = Moves in plan #{ $id }:
plans-summary =
    📊 <b>Consultation summary</b>
    Consulted: { NUMBER($consulted) }
    Answered: { NUMBER($answered) }
    Agreed: { NUMBER($agreed) }
    Objected: { NUMBER($objected) }
    Past the deadline: { NUMBER($overdue) }
    Open questions: { NUMBER($open_questions) }
plans-objection_line =
    ⚠️ #{ $id } { $name } — { $category }: { $text }
    { "   " }Kept because: { $kept }
plans-overdue_line = ⏰ #{ $id } { $name } — no answer, past the deadline
plans-export_caption = Mutation plan: moves, answers and audit trail.
plans-sheet_moves = Moves
plans-sheet_audit = Audit
plans-col =
    { $column ->
        [id] Move no.
        [nip] NIP
        [name] Name
        [from_unit] From unit
        [from_position] From position
        [to_unit] To unit
        [to_position] To position
        [tmt] Proposed TMT
        [rationale] Rationale
        [warnings] Warnings
        [override] Kept despite warnings because
        [status] Status
        [version] Version
        [decision_note] PPK note
        [answer] Answer
        [category] Objection category
        [answer_text] Answer text
        [kept] Kept because
        [overdue] Past deadline
        [questions] Open questions
        [sk] SK number
        [sk_tmt] SK TMT
       *[other] { $column }
    }
plans-audit_title = 🧾 <b>Audit trail of plan #{ $id }</b> ({ $count ->
        [one] { NUMBER($count) } entry
       *[other] { NUMBER($count) } entries
    }; latest below, all in the file):
plans-move_card =
    🔎 <b>Move #{ $id }</b> (version { $version })
    Employee: { $name }
    From: { $src } — { $src_pos }
    To: <b>{ $dst }</b> — { $dst_pos }
    Proposed TMT: { $tmt }
    Rationale (shown to the employee): { $why }
    Status: { $status }
    PPK note: { $note }
    Answer: { $answer } — { $answer_text }
    Open questions: { $questions }
    SK: { $sk }
plans-overdue_flag = ⏰ The employee did not answer before the deadline.
plans-btn_revise = ✏️ Revise
plans-btn_keep = 📌 Keep, with a reason
plans-btn_decree = 🏛 Record SK
plans-btn_tmt = 📅 Change TMT
plans-btn_done = ✅ Carried out
plans-btn_cancel_move = ✖️ Cancel move
plans-not_now = This action is not possible in status { $status }.
plans-sk_needs_answer = The SK can be recorded once the employee agreed, or once an objection or missing answer was kept with a reason.
plans-ask_keep = Type why move #{ $id } is kept unchanged.
plans-kept = 📌 Move #{ $id } kept; the reason is recorded and the move goes back to the PPK for approval, with the employee's objection.
plans-ask_sk = Type the SK number of move #{ $id }.
plans-ask_sk_tmt = Type the TMT of the SK, { dates-hint_date }.
plans-decreed = 🏛 Move #{ $id } decreed: SK { $sk }, TMT { $tmt }. The employee has been told.
plans-decree_notice =
    🏛 <b>Your transfer has been decreed</b>
    Unit: { $unit }
    Position: { $position }
    SK: { $sk }
    TMT: { $tmt }
    Thank you for your answers during the consultation.
plans-ask_new_tmt = Type the new TMT of move #{ $id }, { dates-hint_date }.
plans-tmt_changed = 📅 TMT of move #{ $id } changed to { $tmt } and sent back to the PPK for approval. The employee is told once it is approved.
plans-tmt_notice = 📅 The TMT of your transfer changed to <b>{ $tmt }</b>.
plans-done = ✅ Move #{ $id } carried out. The employee's unit, position and TMT in position are updated in the staff records, the position history is recorded and the staffing figures follow.
plans-ask_cancel = Type why move #{ $id } is cancelled.
plans-cancelled = ✖️ Move #{ $id } cancelled.
plans-cancel_notice = Proposed move #{ $id } for you was cancelled by BKPSDM. Nothing for you to do.
plans-revised = ✏️ Move #{ $id } revised (version { $version }) and sent back to the PPK for approval. Once approved, send the consultation again from the plan card.
plans-apv_none = No plan awaits approval.
plans-apv_title = ✍️ <b>Plans awaiting approval</b>:
plans-apv_plan = ✍️ <b>Plan #{ $id }: { $name }</b> (page { $page }/{ $pages })
plans-apv_move =
    <b>#{ $id } { $name }</b>
    From: { $src } — { $src_pos }
    To: { $dst } — { $dst_pos }
    Proposed TMT: { $tmt }
    Rationale: { $why }
    Status: { $status }
plans-apv_btn_ok = ✅ Approve #{ $id }
plans-apv_btn_no = ❌ Reject #{ $id }
plans-apv_ask_note = Type the note for rejecting move #{ $id } (required).
plans-apv_already = Move #{ $id } is already { $status }.
plans-kons_message =
    📨 <b>A proposed move for you</b> (#{ $id })
    From: { $from_unit } — { $from_position }
    To: <b>{ $to_unit }</b>
    Position: <b>{ $to_position }</b>
    Main duties: { $duties }
    Proposed TMT: { $tmt }
    Rationale: { $rationale }
    { "" }
    Please answer before <b>{ $deadline }</b> with the buttons below.
plans-kons_message_revised =
    📨 <b>A revised proposed move</b> (#{ $id }, version { $version }) — replaces the earlier proposal.
    From: { $from_unit } — { $from_position }
    To: <b>{ $to_unit }</b>
    Position: <b>{ $to_position }</b>
    Main duties: { $duties }
    Proposed TMT: { $tmt }
    Rationale: { $rationale }
    { "" }
    Please answer before <b>{ $deadline }</b> with the buttons below.
plans-kons_btn_ok = ✅ Setuju (agree)
plans-kons_btn_note = 📝 Agree with notes
plans-kons_btn_obj = ⚠️ Keberatan (object)
plans-kons_btn_ask = ❓ Ask BKPSDM
plans-kons_not_yours = ⛔ This proposal is not addressed to you.
plans-kons_outdated = This button is out of date: the proposal was revised or closed. Use the latest proposal message.
plans-kons_ask_note = Type your notes (at most 500 characters).
plans-kons_ask_category = Choose the category of your objection:
plans-kons_ask_objection = Explain your objection (required, at most 500 characters).
plans-kons_ask_question = Type your question for BKPSDM (at most 500 characters).
plans-kons_already = You have already answered this proposal.
plans-kons_question_sent = ❓ Your question was sent to BKPSDM. The answer will come here.
plans-kons_reminder = ⏰ Reminder: you have not answered proposed move #{ $id } yet. Deadline: <b>{ $deadline }</b>.
plans-overdue_notice = ⏰ Move #{ $id } (plan #{ $plan }) got no answer before the deadline. See /rencana.
plans-objection_notice = ⚠️ An employee objected to move #{ $id } (plan #{ $plan }). See /rencana.
plans-question_notice = ❓ A new question about move #{ $id }. Open /tanya.
plans-btn_open_move = 🔎 Open move #{ $id }
plans-tanya_none = No unanswered questions.
plans-tanya_title = ❓ <b>Employees' questions</b> ({ NUMBER($count) } unanswered):
plans-tanya_line =
    <b>Q{ $id }</b> — move #{ $move }, { $name }:
    <i>{ $text }</i>
plans-tanya_btn = 💬 Answer Q{ $id }
plans-tanya_already = Question Q{ $id } is already answered.
plans-tanya_ask_answer =
    Question Q{ $id }: <i>{ $text }</i>
    Type your answer.
plans-tanya_answered = 💬 The answer to Q{ $id } was sent to the employee.
plans-answer_to_employee =
    💬 <b>BKPSDM's answer</b> to your question about proposed move #{ $id }:
    <i>{ $question }</i>
    { "" }
    { $answer }
cmd-audit_rencana = Audit trail of mutation plans (read-only)
cmd-usulan = Proposed moves for me under consultation
menu-audit_rencana = 🧾 Plan audit trail
menu-usulan = 📨 My proposed moves
import-kind_moves = 🗂 Proposed moves (into the latest Draf plan)
plans-imp_no_draft = There is no Draf plan. Create one with /rencana first, then send the file again.
plans-imp_plan_not_draft = Plan #{ $id } was not found or is not a Draf.
plans-imp_target = Target plan: #{ $id } { $name } (Draf).
plans-imp_applied = Import done: { $created ->
        [one] { NUMBER($created) } move added
       *[other] { NUMBER($created) } moves added
    } to plan #{ $id }.
plans-imp_warnings = { $count ->
        [one] { NUMBER($count) } rule warning
       *[other] { NUMBER($count) } rule warnings
    } (the moves were imported anyway and recorded in the audit trail):
plans-imp_warned = imported with warning: { $warning }
plans-btn_usul = 📝 Propose { $n }
plans-aud_pick = 🧾 Choose a plan to read its audit trail (read-only):
plans-aud_none = No mutation plan yet.
plans-usulan_none = No proposed move for you is under consultation or recently decided.
plans-usulan_answered = Your answer: <b>{ $answer }</b> — { $text }
plans-btn_cancel_plan = 🚫 Cancel the plan
plans-ask_cancel_plan = Cancelling plan #{ $id } { $name } cancels every move still in progress. Type the reason, or /cancel.
plans-plan_not_cancellable = This plan was not found or is already cancelled.
plans-plan_cancelled = 🚫 Plan #{ $id } cancelled: { $count ->
        [one] { NUMBER($count) } move cancelled
       *[other] { NUMBER($count) } moves cancelled
    }, { $told ->
        [one] { NUMBER($told) } employee told
       *[other] { NUMBER($told) } employees told
    }.
plans-pstatus_draft = Draf
plans-pstatus_submitted = Diajukan (submitted)
plans-pstatus_active = Decided
plans-pstatus_cancelled = Dibatalkan (cancelled)
plans-status_draft = Draf
plans-status_submitted = Diajukan (submitted)
plans-status_approved = Disetujui (approved)
plans-status_rejected = Ditolak (rejected)
plans-status_consultation = Konsultasi
plans-status_decreed = Ditetapkan (decreed)
plans-status_done = Dilaksanakan (carried out)
plans-status_cancelled = Dibatalkan (cancelled)
plans-answer_agree = Agrees
plans-answer_agree_notes = Agrees with notes
plans-answer_object = Objects
plans-cat_family = Family
plans-cat_health = Health
plans-cat_career = Career
plans-cat_competence = Competence
plans-cat_distance = Distance / residence
plans-cat_other = Other
plans-col_id = Move no.
plans-col_nip = NIP
plans-col_name = Name
plans-col_from_unit = From unit
plans-col_from_position = From position
plans-col_to_unit = To unit
plans-col_to_position = To position
plans-col_tmt = Proposed TMT
plans-col_rationale = Rationale
plans-col_warnings = Warnings
plans-col_override = Kept despite warnings because
plans-col_status = Status
plans-col_version = Version
plans-col_decision_note = PPK note
plans-col_answer = Answer
plans-col_category = Objection category
plans-col_answer_text = Answer text
plans-col_kept = Kept because
plans-col_overdue = Past deadline
plans-col_questions = Open questions
plans-col_sk = SK number
plans-col_sk_tmt = SK TMT
plans-audit_col_at = Time (UTC)
plans-audit_col_actor = By
plans-audit_col_action = Action
plans-audit_col_entity = Object
plans-audit_col_details = Details
plans-apv_done_approve = ✅ Move #{ $id } approved.
plans-apv_done_reject = ❌ Move #{ $id } rejected; note saved.
plans-kons_thanks_agree = ✅ Thank you, your agreement is recorded.
plans-kons_thanks_agree_notes = ✅ Thank you, your agreement and notes are recorded.
plans-kons_thanks_object = Thank you, your objection is recorded and forwarded to BKPSDM.
plans-imp_err_dest_missing = no destination: fill in the position code, or the destination unit and position
plans-imp_err_emp_unknown = NIP not found among active employees
plans-imp_err_position_unknown = unknown position code ({ $value })
plans-imp_err_unit_unknown = unknown destination unit ({ $value })
plans-imp_err_already_in_plan = { $name } still has a live move (#{ $move }, plan #{ $plan } { $plan_name })
plans-emp_choice = { $n }. <b>{ $name }</b> — NIP { $nip } — { $unit } — { $position }
plans-emp_list_stale = This list of employees is no longer valid. Press Add move on the plan card to search again.
plans-btn_new_for_proposal = ➕ Create a new plan for this proposal
plans-proposal_gone = The position or the employee of this proposal no longer exists. Search again with /kandidat.
plans-submit_confirm =
    📤 <b>Submit plan #{ $id }: { $name } to the PPK?</b>
    { $count ->
        [one] { NUMBER($count) } move
       *[other] { NUMBER($count) } moves
    }, { NUMBER($warned) } of them with rule notes.
    Once submitted, moves can no longer be added or changed.
    { "" }
plans-btn_submit_yes = 📤 Yes, submit to the PPK
plans-btn_open_plan = 🗂 Open the plan
plans-apv_confirm = ✍️ <b>Approve move #{ $id } below?</b> Once approved, BKPSDM may send it to the employee for consultation; the decision cannot be taken back here.
plans-apv_btn_yes = ✅ Yes, approve #{ $id }
plans-plan_status_now = Plan #{ $id } is now <b>{ $status }</b>, so this button no longer applies.
plans-act_plan_created = created the plan
plans-act_plan_submitted = submitted the plan to the authorised official
plans-act_plan_decided = every move decided
plans-act_plan_moves_imported = imported moves from a file
plans-act_plan_exported = downloaded the plan (XLSX)
plans-act_plan_audit_read = read the audit trail
plans-act_plan_cancelled = cancelled the plan
plans-act_move_added = added a move
plans-act_move_rule_override = kept a move that does not meet the rules
plans-act_move_submit = submitted the move
plans-act_move_approve = approved the move
plans-act_move_reject = rejected the move
plans-act_move_consult = sent the consultation to the employee
plans-act_move_decree = recorded the decree (SK)
plans-act_move_change_tmt = changed the TMT
plans-act_move_carry_out = marked the move carried out
plans-act_move_cancel = cancelled the move
plans-act_move_answered = answered the proposed move
plans-act_move_question = asked about the move
plans-act_move_question_answered = answered the employee's question
plans-act_move_kept = kept the move with a reason
plans-act_move_revised = revised the move
plans-act_move_reminded = reminded the employee
plans-act_move_overdue = recorded the answer deadline as passed
plans-entity_plan = plan #{ $id }
plans-entity_move = move #{ $id }
plans-audit_line = { $at } · { $actor } { $action } ({ $entity })
plans-warnings_ahead =
    ⚠️ <b>Before you go on: this move does not meet these rules</b>
    { $lines }
    { "" }
    You may still go on; you will be asked for the reason, kept in the audit trail.
plans-reason_imported_with_warning = imported from a file despite a rule warning
plans-asked_by_employee = 🙋 Requested by the employee (choice { $choice } in their aspiration)
plans-asked_linked = 🙋 This move fulfils aspiration { $ref } (choice { $choice }); the employee has been told.
plans-kept_notice =
    📌 <b>Your objection to proposed move #{ $id } was considered</b>
    HR kept the move for this reason: { $reason }
    See /usulan for the details.
plans-usulan_decided =
    📌 <b>Proposed move #{ $id }</b> — { $status }
    To: { $to_unit } — { $to_position }
    TMT: { $tmt }
    SK: { $sk }
plans-usulan_kept = HR's reason for keeping the move: { $reason }
plans-usulan_ask_until = You can ask questions about this move until { $date }.
plans-usulan_ask_closed = Questions about this move closed on { $date }; use /tanya_bkpsdm for general questions.
plans-ask_too_late = Questions about this move are closed (more than 30 days after the TMT). Use /tanya_bkpsdm.
plans-no_approver =
    ⚠️ The plan cannot be submitted yet: there is no PPK (approving official) other than you. The bot's operator adds one on the server with
    <code>asn-bot admin add TELEGRAM_ID --role approver</code>
    (TELEGRAM_ID: the PPK's Telegram account number). You cannot approve a plan you submitted.
plans-done_before_tmt = Move #{ $id } can be marked carried out from its TMT on.
plans-change_notice = ↩️ Move #{ $id } ({ $name }) in plan #{ $plan } was { $kind ->
        [keep] kept by BKPSDM despite the employee's objection
        [tmt] given a new TMT after the SK
       *[revise] revised after its approval
    } and awaits your approval again. Open /persetujuan.
plans-change_decided_notice = ↩️ Change of move #{ $id }: { $decision ->
        [approve] ✅ approved by the PPK. { $kind ->
            [keep] The SK can be recorded.
            [tmt] The employee is told the new TMT.
           *[revise] Send the consultation again from the plan card.
        }
       *[reject] ❌ rejected by the PPK; the move is rejected. See the note on the move card.
    }
plans-apv_change = ↩️ <b>{ $kind ->
        [keep] Kept by BKPSDM despite the employee's objection
        [tmt] TMT changed after the SK
       *[revise] Revised after approval
    }</b> — BKPSDM's reason: { $reason }
plans-apv_change_unit = { "   " }Unit: { $old } → { $new }
plans-apv_change_position = { "   " }Position: { $old } → { $new }
plans-apv_change_tmt = { "   " }TMT: { $old } → { $new }
plans-apv_objection = ⚠️ The employee's objection — { $category }: { $text }
plans-apv_own = You submitted move #{ $id } yourself; another PPK decides it.
plans-apv_own_note = ℹ️ You cannot decide the moves you submitted yourself.
plans-act_move_send_back = sent a changed move back to the PPK
plans-act_move_change_decided = the PPK decided a changed move
