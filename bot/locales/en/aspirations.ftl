cmd-aspirasi = Submit a transfer aspiration
cmd-status = Status of my aspiration
cmd-periode = Aspiration windows (HR)
cmd-rekap_aspirasi = Aspiration summary and export (HR)
menu-aspirasi = 📝 Transfer aspiration
menu-status = 📌 Aspiration status
menu-periode = 🗓 Aspiration windows
menu-rekap_aspirasi = 📊 Aspiration summary
asp-any_position = any position
asp-ask_edit_section = Which part do you want to change?
asp-ask_kind =
    <b>Step 2 of 6 — Kind of move</b>
    What kind of transfer do you want?
asp-ask_pref =
    <b>Step 3 of 6 — Choice { $n }</b> (at most { $max })
    Type a few letters of the unit/OPD, e.g. <i>kominfo</i>, <i>dinkes</i>, <i>bappeda</i>, <i>kecamatan ...</i>.
asp-pick_unit = <b>Choice { $n }</b>: results for “{ $query }”. Pick a unit below, or type again to search.
asp-no_match = No unit matches “{ $query }”. Try another name or its abbreviation.
asp-ask_pos =
    <b>Choice { $n }: { $unit }</b>
    Wanted position (optional): type a few letters of the position, or press <b>Any position</b>.
asp-pick_pos =
    <b>Choice { $n }: { $unit }</b>
    Positions matching “{ $query }”. Pick below, or type again.
asp-ask_reason_cat =
    <b>Step 4 of 6 — Reason</b>
    What is your main reason?
asp-ask_reason_text =
    Reason: <b>{ $category }</b>.
    Explain briefly (at most { $limit ->
        [one] { NUMBER($limit) } character
       *[other] { NUMBER($limit) } characters
    }).
asp-ask_relocate =
    <b>Step 5 of 6 — Relocation</b>
    Are you willing to be placed in another city?
asp-ask_relocate_note = Any note about placement (optional, at most { $limit ->
        [one] { NUMBER($limit) } character
       *[other] { NUMBER($limit) } characters
    }). Type it, or press <b>Skip</b>.
asp-summary =
    <b>Step 6 of 6 — Summary</b>
    { $answers }
    { "" }
    Please check. Press <b>Send</b> to submit, <b>Change</b> to correct, or <b>Cancel</b> to discard the draft.
asp-elig_ok =
    <b>Step 1 of 6 — Eligibility</b>
    ✅ According to HR's records you are eligible to submit a transfer aspiration.
asp-elig_not =
    <b>Step 1 of 6 — Eligibility</b>
    ⚠️ According to HR's records you are <b>not yet eligible</b> because:
    { $problems }
    { "" }
    You may still submit; HR will see this note when reviewing.
asp-btn_continue = Continue ➡️
asp-btn_send = ✅ Send
asp-btn_edit = ✏️ Change
asp-btn_discard = ✖️ Cancel
asp-btn_skip = Skip
asp-btn_enough = ✅ That's all, continue
asp-btn_any_position = Any position
asp-btn_use_text = ✍️ Use “{ $text }”
asp-btn_change = ✏️ Change aspiration
asp-btn_withdraw = 🗑 Withdraw aspiration
asp-btn_withdraw_yes = Yes, withdraw
asp-yes = Yes
asp-no = No
asp-sum_kind = Kind of move: { $kind }
asp-sum_pref = Choice { $n }: { $unit } — { $position }
asp-sum_reason = Reason: { $cat } — { $text }
asp-sum_relocate = Willing to relocate: { $answer }
asp-sum_relocate_note = Note: { $note }
asp-use_buttons = Please answer by pressing one of the buttons.
asp-not_yours = This button is not for you or is no longer valid.
asp-resumed = Continuing your aspiration draft from the last step.
asp-discarded = Draft discarded. An aspiration you already sent is unchanged. Type /aspirasi to start again.
asp-sent =
    ✅ Aspiration sent.
    Reference: <b>{ $ref }</b>
    Status: <b>{ $status }</b>
    You can view, change or withdraw it with /status while the window is open.
asp-no_window = No aspiration window is open now and none is scheduled. Watch for HR's announcements.
asp-no_window_next = No aspiration window is open now. The next one, <b>{ $name }</b>, opens { $start } until { $end }.
asp-not_for_unit = The window “{ $name }” is limited to some units and yours is not one of them. Contact HR if this is wrong.
asp-existing = Changing aspiration <b>{ $ref }</b> (status: { $status }). The aspiration you sent stays valid until you press <b>Send</b>.
asp-final = Aspiration <b>{ $ref }</b> has been decided (status: { $status }) and can no longer be changed.
asp-window_closed_edit = The window is closed, so aspiration <b>{ $ref }</b> (status: { $status }) can no longer be changed.
asp-window_closed_send = Sorry, the aspiration window is closed, so the aspiration cannot be sent. Your draft is kept.
asp-window_line = • <b>{ $name }</b>: { $start } to { $end } ({ $state })
asp-status_none = You have not sent a transfer aspiration yet. Type /aspirasi to start.
asp-status_draft = 📝 You have an unsent aspiration draft (step: { $step }). Type /aspirasi to continue.
asp-card_head =
    <b>Aspiration { $ref }</b>
    Window: { $window }
    Status: <b>{ $status }</b>
asp-card_not_eligible = ⚠️ Not yet eligible: { $problems }
asp-card_hr_note = HR note: { $note }
asp-history_head =
    { "" }
    <b>History:</b>
asp-history_line = • { $at } — { $action } ({ $status })
asp-cannot_withdraw = An aspiration with status { $status } cannot be withdrawn (or the window is closed).
asp-withdraw_confirm = Withdraw aspiration <b>{ $ref }</b>? You can submit again while the window is open.
asp-withdrawn = Aspiration <b>{ $ref }</b> has been withdrawn.
asp-notify = 🔔 Your aspiration <b>{ $ref }</b> is now: <b>{ $status }</b>.
asp-notify_note = HR note: { $note }
asp-cli-opened = Window #{ $id } “{ $name }” opened: { $start } to { $end }.
asp-cli-pending_exists = A window is still open or scheduled (#{ $id } “{ $name }”). Close it first: asn-bot aspirations close
asp-cli-bad_window = Invalid window: { $reason }.
asp-cli-unknown_unit = Unknown unit: { $unit }
asp-cli-no_window = There is no aspiration window yet.
asp-cli-closed = Window #{ $id } “{ $name }” closed.
asp-cli-extended = Window #{ $id } “{ $name }” extended until { $end }.
asp-cli-exported = Exported { $rows ->
        [one] { NUMBER($rows) } aspiration
       *[other] { NUMBER($rows) } aspirations
    } of “{ $name }” to { $path }.
asp-cli-bad_format = The file must end in .xlsx or .csv.
asp-cli-list_line = #{ $id } { $name }: { $start } to { $end } ({ $state }); aspirations: { NUMBER($count) }
aspr-no_window = There is no aspiration window yet. Open one with /periode.
aspr-summary_head =
    📊 <b>Transfer aspirations summary</b>
    { $window }
    Aspirations: <b>{ NUMBER($total) }</b> (not eligible: { NUMBER($not_eligible) })
aspr-by_status = <b>By status</b>
aspr-by_kind = <b>By kind of move</b>
aspr-by_reason = <b>By reason</b>
aspr-by_unit = <b>By current unit</b>
aspr-by_target = <b>By first-choice unit</b>
aspr-btn_list = 📋 List aspirations
aspr-btn_xlsx = 📥 Export XLSX
aspr-btn_csv = 📄 Export CSV
aspr-btn_filter_status = Filter status
aspr-btn_filter_unit = Filter unit
aspr-btn_back_list = ⬅️ Back to list
aspr-all_statuses = All statuses
aspr-all_units = All units
aspr-choose_status = Show aspirations with status:
aspr-choose_unit = Show aspirations from unit:
aspr-list_head = <b>Aspirations</b> ({ NUMBER($total) }; page { $page }/{ $pages }). ⚠️ = not eligible.
aspr-list_empty = No aspiration matches this filter.
aspr-employee_line =
    👤 <b>{ $name }</b> — NIP { $nip }
    Position: { $position }
aspr-history_line = • { $at } — { $action } by { $actor } ({ $status })
aspr-not_now = Aspiration { $ref } is now { $status }; this action is not possible.
aspr-done = Aspiration { $ref } is now <b>{ $status }</b>. The employee has been told.
aspr-export_caption = Aspirations of “{ $name }”: { $rows ->
        [one] { NUMBER($rows) } row
       *[other] { NUMBER($rows) } rows
    }.
aper-title = 🗓 <b>Aspiration windows</b>
aper-none = No window yet.
aper-btn_new = ➕ Open a new window
aper-btn_extend = ⏩ Extend
aper-btn_close = ⛔ Close now
aper-btn_close_yes = Yes, close the window
aper-btn_now = Start now
aper-btn_all_units = All units
aper-btn_create = ✅ Open the window
aper-already_pending = A window is still open or scheduled. Close or extend it first.
aper-ask_name = Name of the window (at most { $limit ->
        [one] { NUMBER($limit) } character
       *[other] { NUMBER($limit) } characters
    }), e.g. <i>Aspirations first half 2026</i>. Type /cancel to abort.
aper-ask_start = Start date (today or later, local time), { dates-hint_date }; a time may follow (<i>08:00</i>). Or press <b>Start now</b>.
aper-ask_end = Last day of the window (local time), { dates-hint_date }; it stays open until the end of that day.
aper-ask_units = Limit to some units? Type unit names or abbreviations separated by commas (e.g. <i>dinkes, kominfo</i>), or press <b>All units</b>.
aper-unknown_units = Unknown units: { $units }. Type again, or press All units.
aper-all_units = all units
aper-confirm =
    <b>New window</b>
    Name: { $name }
    Start: { $start }
    End: { $end }
    Units: { $units }
    { "" }
    Open this window?
aper-created =
    ✅ Window opened.
    { $line }
aper-ask_extend = Window <b>{ $name }</b> ends { $end }. Type the new last day, { dates-hint_date }.
aper-extended =
    ✅ Window extended.
    { $line }
aper-close_confirm = Close window <b>{ $name }</b> now? Employees will no longer be able to send or change aspirations.
aper-closed = Window <b>{ $name }</b> closed.
asp-kind-rotation = Rotation inside my unit
asp-kind-other_unit = Move to another OPD/unit
asp-kind-out = Move out of the instansi
asp-kind-other = Other
asp-reason-family = Follow spouse/family
asp-reason-health = Health
asp-reason-career = Career development
asp-reason-competence = Competence fit
asp-reason-workload = Workload
asp-reason-other = Other
asp-status-draft = Draf (draft)
asp-status-submitted = Diajukan (submitted)
asp-status-verified = Diverifikasi (verified)
asp-status-returned = Dikembalikan (returned)
asp-status-accepted = Accepted for follow-up
asp-status-rejected = Ditolak (rejected)
asp-status-withdrawn = Dibatalkan (withdrawn)
asp-problem-tmt_unknown = Your position TMT is not recorded by HR, so your time in position cannot be computed.
asp-problem-too_short = You have been in your current position for { $years ->
        [one] { NUMBER($years) } year
       *[other] { NUMBER($years) } years
    } { $months ->
        [one] { NUMBER($months) } month
       *[other] { NUMBER($months) } months
    } (TMT { $tmt }); the minimum is { $min_years ->
        [one] { NUMBER($min_years) } year
       *[other] { NUMBER($min_years) } years
    }, reached on { $due }.
asp-problem-sanction = A disciplinary sanction is recorded.
asp-problem-study_leave = You are recorded as on study leave (tugas belajar).
asp-problem-freeze = Transfers are frozen ({ $from } to { $until }).
asp-problem_short-tmt_unknown = TMT not recorded
asp-problem_short-too_short = too short in position
asp-problem_short-sanction = disciplinary sanction
asp-problem_short-study_leave = study leave
asp-problem_short-freeze = transfer freeze
asp-window_state-open = open
asp-window_state-upcoming = not open yet
asp-window_state-ended = ended
asp-window_state-closed = closed
asp-section-kind = Kind of move
asp-section-prefs = Preferred units/positions
asp-section-reason = Reason
asp-section-relocate = Relocation
asp-step-elig = eligibility
asp-step-kind = kind of move
asp-step-pref = preferred unit
asp-step-pos = preferred position
asp-step-reason_cat = reason category
asp-step-reason_text = reason
asp-step-relocate = relocation
asp-step-relocate_note = relocation note
asp-step-summary = summary
asp-step-edit = editing
asp-action-submit = Submitted
asp-action-resubmit = Resubmitted
asp-action-change = Changed
asp-action-withdraw = Withdrawn by the employee
asp-action-verify = Verified
asp-action-return = Returned for correction
asp-action-accept = Accepted for follow-up
asp-action-reject = Rejected
asp-notify_next-verify = HR has checked your aspiration.
asp-notify_next-return = Please correct it with /aspirasi and press Send again.
asp-notify_next-accept = HR will tell you the next steps.
asp-notify_next-reject = If you have questions, contact HR (BKPSDM).
asp-notify_next-withdraw = See /status for details.
asp-changed_meanwhile = The status of aspiration <b>{ $ref }</b> has just changed to <b>{ $status }</b>, so these answers were not sent. See /status for details.
aspr-btn_verify = ☑️ Verify
aspr-btn_return = ↩️ Return for correction
aspr-btn_accept = ✅ Accept for follow-up
aspr-btn_reject = ⛔ Reject
aspr-ask_note_return = Write the correction note for { $ref } (at most { $limit } characters). The employee receives it. Type /cancel to abort.
aspr-ask_note_reject = Write the rejection reason for { $ref } (at most { $limit } characters). The employee receives it. Type /cancel to abort.
aper-err_end_before_start = The end must be after the start.
aper-err_end_in_past = The end date has passed. Enter a future date.
asp-step-prefs = list of unit/position choices
asp-action-undo = Decision taken back
asp-missing-kind = kind of move
asp-missing-prefs = unit/position choices (at least one)
asp-missing-reason = reason (category and explanation)
asp-missing-relocate = willingness to move to another city
asp-btn_pref_replace = 🔁 Replace choice { $n }
asp-btn_pref_remove = 🗑 Remove choice { $n }
asp-btn_pref_add = ➕ Add a choice
asp-btn_prefs_done = ✅ Done
asp-prefs_none = (no choice yet)
asp-prefs_edit =
    <b>Your current unit/position choices</b> (at most { $max }):
    { $choices }
    { "" }
    Replace or remove a choice, add a new one, then press <b>Done</b>.
asp-sum_missing = ⚠️ Not filled in yet: { $sections }
asp-summary_editing =
    <b>Changes to aspiration { $ref }</b> (not sent yet)
    { $answers }
    { "" }
    Press <b>Send</b> to send the changes, <b>Change</b> to correct them, or <b>Discard changes</b>; aspiration { $ref } as you sent it stays valid without these changes.
asp-btn_discard_changes = ✖️ Discard changes
asp-discarded_changes = Changes discarded. Aspiration <b>{ $ref }</b> stays as you last sent it; see /status.
asp-incomplete_fields = The aspiration cannot be sent yet because this is missing: <b>{ $sections }</b>. Choose the part to complete:
asp-stale_step = This button belongs to an earlier step and is no longer valid. Answer the latest question, or type /aspirasi to show it again.
asp-stale_paused = This button is no longer valid. Your aspiration draft is kept; type /aspirasi to continue.
asp-stale_none = This button is no longer valid. Type /aspirasi to send an aspiration.
asp-stale_sent = This button is no longer valid. Aspiration { $ref } has been sent (status: { $status }); see /status.
asp-status_changing = ✏️ You are changing aspiration <b>{ $ref }</b> (step: { $step }); the changes are not sent yet. The aspiration you sent stays valid. Type /aspirasi to continue the changes.
asp-status_changes_dropped = The unsent changes to aspiration <b>{ $ref }</b> were discarded because it can no longer be changed (status: { $status }).
asp-already_withdrawn = This aspiration was already withdrawn. Type /aspirasi to submit again while the window is open.
aspr-btn_next_item = ➡️ Next aspiration
aspr-confirm_accept = ✅ <b>Accept the aspiration below?</b> The employee will be told; the decision is final once the notice has been sent.
aspr-btn_accept_yes = ✅ Yes, accept
aspr-btn_undo = ↩️ Undo
aspr-done_undo = Aspiration { $ref } is now <b>{ $status }</b>. The employee is told in { $minutes ->
        [one] { NUMBER($minutes) } minute
       *[other] { NUMBER($minutes) } minutes
    }; until then you can undo it.
aspr-undo_too_late = The decision on aspiration { $ref } can no longer be undone: the notice has been sent or the status has changed (now: { $status }).
aspr-undone = ↩️ Decision undone. Aspiration { $ref } is <b>{ $status }</b> again; the employee was not told.
aspr-btn_open_again = 🔎 Open this aspiration again
aspr-done_not_told = Aspiration { $ref } is now <b>{ $status }</b>. The employee is not linked to the bot, so they were not told here; tell them another way.
asp-own_unit = That is your own unit. To move within it choose <b>Rotation inside my unit</b>; here type another destination unit.
asp-same_choice = This choice (same unit and position) is already on your list. Choose another position, or press That's all, continue.
asp-did_you_mean = Did you mean <b>{ $name }</b>?
asp-open_position = 🟢 { $title } (vacant)
asp-open_marked = 🟢 = a vacant position open in this unit.
asp-status-planned = In a transfer plan
asp-status-decreed = Decreed (SK issued)
asp-status-not_taken = Not taken forward
asp-action-include = Put into a transfer plan
asp-action-decree = Decreed (SK issued)
asp-action-not_take = Not taken forward (the move was rejected or cancelled)
aspp-notice_include = HR put your choice ({ $unit } — { $position }) into a transfer plan with proposed TMT { $tmt }. It still needs approval; HR will ask for your response.
aspp-notice_decree = The transfer you asked for ({ $unit } — { $position }) has been decreed, TMT { $tmt }.
aspp-notice_not_take = The proposed move to { $unit } — { $position } will not go ahead. Your aspiration stays on record; contact HR (BKPSDM) with any questions.
aspp-asked = 🙋 This employee asked for this unit/position in aspiration { $ref }: choice { $choice }, reason { $reason } (status: { $status }).
aspp-asked_flag = 🙋 choice { $choice } ({ $reason })
aspp-btn_plan = 📋 Into a plan: choice { $n } — { $unit } / { $position }
aspp-btn_new_plan = ➕ New plan
aspp-pick_plan = Which plan should choice { $choice } of aspiration { $ref } go into?
aspp-intro = 📋 Move from aspiration { $ref } (choice { $choice }): <b>{ $name }</b> to { $unit } — { $position }, in plan <b>{ $plan }</b>.
aspp-not_plannable = Aspiration { $ref } is { $status }; only an accepted aspiration can go into a plan.
