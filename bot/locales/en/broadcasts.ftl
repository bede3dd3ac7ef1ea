cmd-umumkan = Send an announcement to employees (HR)
cmd-terjadwal = Scheduled announcements (HR)
cmd-laporan_kirim = Announcement delivery reports (HR)
menu-umumkan = 📣 Announcement
menu-terjadwal = 🗓 Scheduled
menu-laporan_kirim = 📊 Delivery report
bc-ask_text = 📣 Write the announcement text (max. 4096 characters). HTML formatting allowed: &lt;b&gt;bold&lt;/b&gt;, &lt;i&gt;italic&lt;/i&gt;, &lt;a href="..."&gt;link&lt;/a&gt;. { $placeholders } becomes each recipient's name. /cancel to stop.
bc-bad_html = ⚠️ Invalid HTML formatting ({ $error }). Check opening/closing tags and send the text again.
bc-bad_placeholder = ⚠️ Unknown placeholder { $unknown }; the announcement was not saved. Placeholders you can use: { $known }. Please send the text again.
bc-name_fallback = Sir/Madam
bc-preview_title = 👀 Announcement preview:
bc-ask_attach = 📎 Attach one document or photo if needed, or press Skip.
bc-btn_skip = ⏭ Skip
bc-expect_attach = Send a document or a photo, or press Skip.
bc-caption_too_long = ⚠️ Text with an attachment may have at most 1024 characters (now { $length }). Press Skip, or /cancel and write a shorter text.
bc-attached = ✅ Attachment saved.
bc-choose_audience = 👥 Choose the recipients:
bc-aud_all = All employees
bc-aud_units = Units (OPD)
bc-aud_role = Role
bc-aud_plan = Employees of a mutation plan
bc-aud_survey = Not answered a survey
bc-role_hr = HR officers
bc-role_approver = PPK (approving official)
bc-role_employee = All registered employees
bc-choose_role = Choose the recipients' role:
bc-ask_unit = 🏢 Type a few letters of a unit name (e.g. dinkes, kominfo). Chosen: { $chosen }
bc-unit_matches = Pick the unit you mean (press to add/remove). Chosen: { $chosen }
bc-unit_none = No unit matches "{ $query }". Try other words.
bc-btn_units_done = ✅ Done choosing units
bc-no_units = No unit chosen yet. Type a unit name.
bc-ask_ref = Type the number of the { $what }:
bc-bad_ref = Type a number.
bc-confirm =
    📋 Recipients: <b>{ NUMBER($count) }</b> employees linked to the bot ({ $audience }).
    Employees not linked to the bot do not receive this announcement.
    Send now or schedule?
bc-no_recipients = ⚠️ Nobody matches this choice. Choose other recipients.
bc-btn_send = 📤 Send now
bc-btn_schedule = 🗓 Schedule
bc-btn_abort = ✖️ Cancel
bc-aborted = Announcement cancelled; nothing was sent.
bc-ask_when = 🗓 Type the date and time to send (local time), { dates-hint_datetime }.
bc-past_time = ⚠️ { $value } is in the past. Choose a future time.
bc-scheduled = ✅ Announcement #{ $id } scheduled for { $at } ({ $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    } now). See /terjadwal.
bc-queued = 📤 Announcement #{ $id } queued for { $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    }.
bc-stale = This announcement draft is no longer valid. Start again with /umumkan.
bc-use_buttons = Use the buttons above, or /cancel.
bc-scheduled_title = 🗓 Scheduled announcements:
bc-scheduled_line = #{ $id } — { $at } — { $text }
bc-scheduled_none = No scheduled announcements.
bc-btn_cancel_item = ❌ Cancel #{ $id }
bc-cancelled = Announcement #{ $id } cancelled.
bc-not_cancellable = Announcement #{ $id } is already sending, finished or cancelled.
bc-report_title = 📊 Latest delivery reports:
bc-report_line = #{ $id } ({ $status }, { $created }): { NUMBER($sent) }/{ NUMBER($total) } sent, { NUMBER($failed) } failed, { NUMBER($unreachable) } unreachable, { NUMBER($pending) } pending
bc-report_none = No announcements yet.
bc-report_detail =
    📊 Announcement #{ $id } ({ $status })
    Created: { $created }
    Total { NUMBER($total) }
    Sent { NUMBER($sent) }
    Failed { NUMBER($failed) }
    Unreachable { NUMBER($unreachable) }
    Uncertain { NUMBER($uncertain) }
    Pending { NUMBER($pending) }
    Cancelled { NUMBER($cancelled) }
bc-report_reasons = Failure reasons:
bc-btn_xlsx = 📥 Download XLSX #{ $id }
bc-btn_detail = 🔎 #{ $id }
bc-not_found = Announcement #{ $id } not found.
bc-xlsx_caption = Delivery report of announcement #{ $id }
bc-xlsx_summary = Summary
bc-xlsx_failures = Failures
bc-xlsx_figure = Figure
bc-xlsx_value = Value
bc-xlsx_chat = Chat
bc-xlsx_name = Name
bc-xlsx_status = Status
bc-xlsx_reason = Reason
bc-xlsx_attempts = Attempts
bc-preview_for = 👀 Announcement preview, sample for <b>{ $name }</b>:
bc-header = 📢 <b>BKPSDM announcement</b>
bc-status_draft = draft
bc-status_scheduled = scheduled
bc-status_queued = queued
bc-status_sending = sending
bc-status_done = done
bc-status_cancelled = cancelled
bc-status_missed = missed
bc-status_other = other
