# Dates and times typed by users (bot.i18n.date_input): formats, examples, refusals.
dates-hint_date = format <b>DD-MM-YYYY</b>, e.g. <i>{ $example }</i>; also <i>31 December 2026</i>, <i>tomorrow</i>, <i>besok</i> or a weekday (<i>Monday</i>)
dates-hint_datetime = format <b>DD-MM-YYYY HH:MM</b>, e.g. <i>{ $example }</i>; also <i>tomorrow at 8</i>, <i>besok jam 8</i> or <i>Monday 14:30</i>
dates-unreadable = ⚠️ "{ $value }" cannot be read as a date. Type for example <i>{ $example }</i>, <i>31 December 2026</i> or <i>tomorrow</i>.
dates-no_such_day = ⚠️ The date "{ $value }" does not exist. Check the day and month, e.g. <i>{ $example }</i>.
dates-no_such_time = ⚠️ The time in "{ $value }" cannot be read. Type a time from 00:00 to 23:59, e.g. <i>08:00</i>.
dates-out_of_range = ⚠️ The year in "{ $value }" is too far away. Type a date such as <i>{ $example }</i>.
dates-weekday_mismatch = ⚠️ The weekday in "{ $value }" does not match: that date is { $date }.
dates-no_time = ⚠️ Type the date only, without a time, e.g. <i>{ $example }</i>.
dates-need_time = ⚠️ Add the time too, e.g. <i>{ $date } 08:00</i> or <i>{ $example }</i>.
dates-past = ⚠️ { $value } has already passed (it is now { $now }). Type a time in the future, e.g. <i>{ $example }</i>.
