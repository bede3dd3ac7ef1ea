cmd-sosialisasi = Edit the mutation socialization messages (HR)
menu-sosialisasi = 📢 Socialization
campaigns-title =
    📢 Socialization template: { $name }
    Messages are sent to employees relative to the TMT of their move.
campaigns-step_line = { $n }. <b>{ $offset }</b> at { $time } — { $preview }
campaigns-btn_text = ✏️ Text { $n }
campaigns-btn_offset = ⏱ Time { $n }
campaigns-day_letter = D
campaigns-ask_text =
    Current text of step { $n } (tap to copy):
    <code>{ $current }</code>
    { "" }
    Type the new text ({ $lang }). You may use { $placeholders } and HTML formatting.
campaigns-ask_offset = Step { $n } is now sent at <b>{ $current }</b>. Type the new time relative to the TMT, e.g. D-14 or D+1 09:00.
campaigns-bad_offset = ⚠️ "{ $value }" not understood. Examples: D-14, D-1 07:30, D+1.
campaigns-bad_html = ⚠️ Invalid HTML formatting ({ $error }).
campaigns-bad_placeholder = ⚠️ Unknown placeholder { $unknown }; the text was not saved. Placeholders you can use: { $known }. Please type the text again.
campaigns-saved = ✅ Step saved. Text changes apply to messages not sent yet; time changes to the next decrees.
campaigns-skipped_report = ℹ️ Socialization of move #{ $move }: { $count ->
        [one] { NUMBER($count) } step skipped because its time had passed
       *[other] { NUMBER($count) } steps skipped because their time had passed
    } when the decree was issued (TMT { $tmt }).
campaigns-default-d_minus_14 = 📢 Dear { $name }, you will be transferred to { $unit } with TMT { $tmt }. Rules and timetable: hand over your duties by D-1, inauguration on the TMT, report to the new unit on the first working day. You can ask questions through this bot.
campaigns-default-d_minus_7 = 🗂 Dear { $name }, one week to TMT { $tmt }. Please prepare: the handover memo, the list of ongoing work, the inventory of state property, and copies of the decree and your personnel documents.
campaigns-default-d_minus_1 = ⏰ Reminder: tomorrow ({ $tmt }) is the TMT of your transfer to { $unit }. Make sure the handover is completed today.
campaigns-default-d_plus_1 = 🎉 Welcome to { $unit }, { $name }! Your direct superior will tell you about orientation and training for the new post; introduction material is available from the unit's HR staff.
campaigns-language_name = English
campaigns-preview_title = 👀 Sample message for <b>{ $name }</b> (placeholders filled with the employee's data):
campaigns-sample_name = Budi Santoso
campaigns-sample_unit = Dinas Kesehatan
campaigns-sample_position = Analis Kebijakan Ahli Muda
