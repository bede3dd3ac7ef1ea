cmd-isi_survei = Answer surveys waiting for you
cmd-survei = List surveys (BKPSDM)
cmd-hasil_survei = Satisfaction survey results (BKPSDM)
menu-isi_survei = 📋 Answer survey
menu-survei = 🗂 Surveys
menu-hasil_survei = 📊 Survey results
survey-btn_start = ▶️ Start survey
survey-invite =
    📋 <b>{ $title }</b>
    You are invited to answer this survey ({ $count ->
        [one] { NUMBER($count) } question
       *[other] { NUMBER($count) } questions
    }, about 5 minutes).
    { $anonymity }
    Answer by: { $deadline }. Press the button below or type /isi_survei.
survey-anon_yes = 🔒 This survey is <b>anonymous</b>: answers are stored without your name, NIP or Telegram account, and results are shown only for large enough groups.
survey-anon_no = 👤 This survey is <b>not anonymous</b>: answers are stored with your name so that BKPSDM can follow up.
survey-reminder = ⏰ Reminder: you have not finished <b>{ $title }</b>. Answer by: { $deadline }.
survey-closed_notice = The survey <b>{ $title }</b> is now closed. Thank you for your attention.
survey-intro =
    <b>{ $title }</b>
    { $intro }
    { "" }
    { $anonymity }
survey-progress = Question { $n }/{ $total }
survey-optional = { " " }<i>(optional)</i>
survey-type_answer = ✍️ Type your answer (max. { $limit ->
        [one] { NUMBER($limit) } character
       *[other] { NUMBER($limit) } characters
    }).
survey-scale_hint = 0 = not at all likely · 10 = extremely likely
survey-multi_hint = Choose one or more, then press Done.
survey-previous = Previous answer: { $answer }
survey-likert =
    { $value ->
        [1] Strongly disagree
        [2] Disagree
        [3] Neutral
        [4] Agree
        [5] Strongly agree
       *[other] { $value }
    }
survey-btn_back = ⬅️ Back
survey-btn_skip = ⏭ Skip
survey-btn_done = ✅ Done
survey-btn_send = 📨 Send
survey-btn_edit = ✏️ Change
survey-summary_title =
    <b>Summary of your answers</b>
    Check them, then press Send. Sent answers cannot be changed.
survey-skipped = (skipped)
survey-thanks = ✅ Thank you! Your answers have been saved.
survey-already_done = You have already answered this survey. Thank you — each employee answers once per round.
survey-closed = Sorry, this survey is closed, so answers can no longer be accepted. Thank you for your willingness.
survey-cancelled = This survey was cancelled; there is nothing to answer.
survey-not_yours = This button is not for you or no longer valid.
survey-not_current = That button belongs to another question. Please answer the question shown now.
survey-resumed = ↩️ Continuing the survey where you left off.
survey-none_open = There is no survey waiting for your answers.
survey-open_list = Surveys waiting for your answers:
survey-err_not_number = Please answer with a number from { $low } to { $high } (press one of the buttons).
survey-err_range = The value must be between { $low } and { $high }.
survey-err_option = Unknown choice.
survey-err_pick_one = Choose at least one, or press Skip.
survey-err_empty = Empty answer.
survey-err_too_long = Answer too long ({ $length ->
        [one] { NUMBER($length) } character
       *[other] { NUMBER($length) } characters
    }, max. { NUMBER($limit) }).
survey-err_use_buttons = For this question, please use the buttons below the question.
survey-err_required = This question must be answered.
survey-hr_list_title = <b>Surveys</b>
survey-hr_list_item = #{ $id } <b>{ $title }</b> — { $anon }, { $questions ->
        [one] { NUMBER($questions) } question
       *[other] { NUMBER($questions) } questions
    }, { $trigger }, { $responses ->
        [one] { NUMBER($responses) } response
       *[other] { NUMBER($responses) } responses
    }
survey-hr_none = No surveys yet. Load a definition with: asn-bot survey import FILE.yaml
survey-anon_short = anonymous
survey-named_short = named
survey-trigger_move = automatic after transfers (TMT + { $offsets } days)
survey-trigger_manual = sent manually
survey-btn_results = 📊 Results #{ $id }
survey-pick_survey = Choose a survey:
survey-unknown_survey = Survey not found.
survey-res_title = 📊 <b>Results: { $title }</b>
survey-res_rate = Invited: { NUMBER($invited) } · Started: { NUMBER($started) } · Finished: { NUMBER($finished) } ({ $percent }%)
survey-res_hidden_all = { $n ->
        [one] Only { NUMBER($n) } response so far
       *[other] Only { NUMBER($n) } responses so far
    }; results are shown { $min ->
        [one] from { NUMBER($min) } response
       *[other] from { NUMBER($min) } responses
    } (anonymity).
survey-res_mean = { " " }· mean { $mean }
survey-res_enps = { " " }· eNPS { $enps }
survey-res_by_unit = <b>By unit</b> (min. { $min ->
        [one] { NUMBER($min) } response per group
       *[other] { NUMBER($min) } responses per group
    })
survey-res_by_round = <b>By round</b>
survey-res_hidden_units = { $count ->
        [one] { NUMBER($count) } unit with fewer than
       *[other] { NUMBER($count) } units with fewer than
    } { $min ->
        [one] { NUMBER($min) } response
       *[other] { NUMBER($min) } responses
    } (or hidden so that a small unit cannot be computed by subtraction) { $count ->
        [one] is not shown separately
       *[other] are not shown separately
    }.
survey-res_question_hidden = (hidden: fewer than { $min ->
        [one] { NUMBER($min) } answer)
       *[other] { NUMBER($min) } answers)
    }
survey-res_waiting = { $count ->
        [one] { NUMBER($count) } anonymous answer is waiting to be published
       *[other] { NUMBER($count) } anonymous answers are waiting to be published
    }: results grow in steps of at least { $min ->
        [one] { NUMBER($min) } answer
       *[other] { NUMBER($min) } answers
    } from one unit (anonymity).
survey-res_comments = <b>Comments</b> — { $question }
survey-group_other = Other (merged)
survey-round_label = TMT+{ $days } days
survey-btn_charts = 🖼 Charts
survey-btn_xlsx = 📥 XLSX
survey-btn_followup = 📋 Follow-up
survey-chart_dist_title = Answer distribution — { $title }
survey-chart_unit_title = Mean per unit — { $question }
survey-chart_caption = Survey charts: { $title }
survey-xlsx_caption = Survey summary: { $title }
survey-no_charts = Not enough responses for charts yet (min. { $min }).
survey-followup_title = Employees with low satisfaction (≤ { $max }) to contact:
survey-followup_line = • { $name } ({ $nip }) — { $round }: { $score }
survey-followup_none = No employees with low satisfaction.
survey-followup_anonymous = Anonymous survey: no list of names is available. Employees who asked to be contacted after answering are in /tindak_lanjut.
survey-yes = yes
survey-no = no
survey-xlsx_field = Field
survey-xlsx_value = Value
survey-xlsx_title = Title
survey-xlsx_anonymous = Anonymous
survey-xlsx_invited = Invited
survey-xlsx_started = Started
survey-xlsx_finished = Finished
survey-xlsx_rate = Response rate (%)
survey-xlsx_min_group = Minimum group size
survey-xlsx_hidden_units = Units not shown
survey-xlsx_waiting = Anonymous answers waiting to be published
survey-xlsx_group = Group
survey-xlsx_question_key = Code
survey-xlsx_question = Question
survey-xlsx_mean = Mean
survey-xlsx_distribution = Distribution
survey-xlsx_comment = Comment
survey-xlsx_name = Name
survey-xlsx_round = Round
survey-cli_imported = Survey #{ $id } ({ $slug }): { $status }
survey-cli_invalid = Invalid survey definition: { $error }
survey-cli_anon_fixed = Survey { $slug }: anonymous/named is fixed at creation and cannot change.
survey-cli_list_line = #{ $id } { $slug } — { $title } [{ $anon }, { $trigger }, v{ $version }, { $responses ->
        [one] { NUMBER($responses) } response
       *[other] { NUMBER($responses) } responses
    }]
survey-cli_none = No surveys yet.
survey-cli_unknown = Survey #{ $id } not found.
survey-cli_sent = Round #{ $round } of survey #{ $id } scheduled { $when } for { $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    }; closes { $closes }.
survey-status =
    { $status ->
        [created] created
        [updated] updated
        [unchanged] unchanged
       *[other] { $status }
    }
survey-btn_send_to = 📤 Send #{ $id }
survey-send_choose_audience = 📤 Send <b>{ $title }</b> to whom?
survey-aud_all = 👥 Everyone
survey-aud_units = Specific work units
survey-aud_role = By role
survey-role_hr = BKPSDM staff
survey-role_approver = PPK (approving official)
survey-role_employee = All registered employees
survey-send_choose_role = Choose the recipients' role:
survey-send_ask_unit = 🏢 Type a few letters of a work unit name (e.g. dinkes, kominfo). Chosen units: { $chosen }
survey-send_unit_matches = Pick the unit you mean (press to add/remove). Chosen: { $chosen }
survey-send_unit_none = No unit matches "{ $query }". Try other words.
survey-btn_units_done = ✅ Done choosing units
survey-send_no_units = No unit chosen yet. Type a unit name first.
survey-send_no_recipients = ⚠️ Nobody reachable matches this choice. Choose other recipients with the buttons above.
survey-send_confirm =
    📋 Survey #{ $id } — recipients: { $count ->
        [one] <b>{ NUMBER($count) }</b> employee
       *[other] <b>{ NUMBER($count) }</b> employees
    } linked to the bot ({ $audience }).
    Send now or schedule?
survey-btn_send_now = 📨 Send now
survey-btn_send_later = 🗓 Schedule
survey-btn_abort = ✖️ Cancel
survey-send_aborted = Survey sending cancelled.
survey-send_ask_when = 🗓 Type the date and time to send (local time), { dates-hint_datetime }.
survey-send_past = ⚠️ That time has already passed. Type a future time, e.g. <i>tomorrow at 8</i>.
survey-send_done_now = ✅ Round #{ $round } of survey #{ $id } sent now to { $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    }; closes { $closes }.
survey-send_done_later = 🗓 Round #{ $round } of survey #{ $id } scheduled for { $when } for { $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    } (recounted when sent); closes { $closes }.
survey-send_stale = This button is no longer valid. Start again from /survei.
survey-send_use_buttons = Use the buttons above, or /cancel to stop.
survey-export_anon_note = Answers to anonymous surveys are stored without your name, NIP or Telegram account, so they cannot be traced back to you and are not part of this export; only the fact that you took part is recorded.
