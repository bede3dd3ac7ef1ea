delivery-audience-unknown = Audience "{ $value }" not understood. Use: all, unit:NAME, role:hr|approver|employee, or a list of employee ids.
delivery-audience-bad_role = Unknown role "{ $role }". Choices: { $roles }.
delivery-audience-bad_id = "{ $value }" is not a valid employee id.
delivery-audience-unit_not_found = Unit "{ $name }" not found.
delivery-audience-unit_ambiguous = "{ $name }" matches several units: { $options }. Please be more specific.
delivery-progress = 📤 Announcement #{ $id }: { NUMBER($sent) }/{ NUMBER($total) } sent, { NUMBER($failed) } failed, { NUMBER($unreachable) } unreachable, { NUMBER($pending) } waiting.
delivery-done = ✅ Announcement #{ $id } finished: { NUMBER($sent) }/{ NUMBER($total) } sent, { NUMBER($failed) } failed, { NUMBER($unreachable) } unreachable, { NUMBER($uncertain) } uncertain.
delivery-done_reasons =
    Failure reasons:
    { $reasons }
delivery-reason_line = • { $reason }: { NUMBER($count) }
delivery-late = ⏰ Schedule #{ $id } ({ $kind }) ran late: due { $run_at }, ran { $fired_at }.
delivery-missed = ⚠️ Schedule #{ $id } ({ $kind }) was missed: due { $run_at }, beyond the { $grace }-minute grace period; not sent.
delivery-cli-queued = Announcement #{ $id } queued for { $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    }.
delivery-cli-scheduled = Announcement #{ $id } scheduled at { $at } ({ $count ->
        [one] { NUMBER($count) } recipient
       *[other] { NUMBER($count) } recipients
    } right now).
delivery-cli-status = Announcement #{ $id } [{ $status }]: total { NUMBER($total) }, sent { NUMBER($sent) }, failed { NUMBER($failed) }, unreachable { NUMBER($unreachable) }, pending { NUMBER($pending) }, uncertain { NUMBER($uncertain) }
delivery-cli-not_found = Announcement #{ $id } not found.
delivery-cli-cancelled = Announcement #{ $id } cancelled.
delivery-cli-not_cancellable = Announcement #{ $id } is already finished or cancelled; it cannot be cancelled.
delivery-cli-empty_list = No announcements yet.
delivery-cli-list_line = #{ $id } [{ $status }] { $created } { $kind } { $title }
compose-err_tag_unsupported = tag &lt;{ $value }&gt; is not supported by Telegram (allowed: b, i, u, s, a, code, pre, blockquote)
compose-err_span_class = tag &lt;{ $value }&gt; needs class="tg-spoiler"
compose-err_end_unmatched = closing tag &lt;/{ $value }&gt; without an opening tag
compose-err_not_closed = tag &lt;{ $value }&gt; is not closed with &lt;/{ $value }&gt;
compose-err_empty = the text is empty
compose-err_too_long = longer than { $value } characters
compose-err_other = the HTML cannot be read
