roster-report-line = Line { $line }: { $reason }
roster-report-applied = Import finished: { $added ->
        [one] { NUMBER($added) } employee added
       *[other] { NUMBER($added) } employees added
    }, { NUMBER($updated) } updated, { NUMBER($unchanged) } unchanged.
roster-report-skipped = { $count ->
        [one] { NUMBER($count) } rejected line skipped
       *[other] { NUMBER($count) } rejected lines skipped
    }:
roster-report-not_applied = Import cancelled: { $count ->
        [one] { NUMBER($count) } line has problems
       *[other] { NUMBER($count) } lines have problems
    }, nothing was changed. Fix the lines below or import partially (valid lines only).
roster-report-missing_columns = Import cancelled: required columns not found: { $columns }.
roster-report-more = … and { $count ->
        [one] { NUMBER($count) } more problem
       *[other] { NUMBER($count) } more problems
    }.
roster-err =
    { $error ->
        [nip_empty] NIP is empty
        [nip_digits] NIP may contain digits only
        [nip_length] NIP must have 18 digits (found { $found })
        [nip_birth_date] birth date in the NIP is not a real date ({ $value })
        [nip_tmt_date] CPNS TMT in the NIP is not a real month ({ $value })
        [nip_tmt_future] CPNS TMT in the NIP is in the future ({ $value })
        [nip_tmt_too_early] CPNS TMT in the NIP ({ $value }) is before age { $age }
        [nip_sex] sex digit in the NIP must be 1 or 2 (found { $digit })
        [nip_duplicate] NIP already appears on line { $first_line }
        [name_empty] name is empty
        [required] column { $column } is empty
        [too_long] column { $column } is longer than { $max ->
            [one] { NUMBER($max) } character
           *[other] { NUMBER($max) } characters
        }
        [phone] invalid phone number ({ $value })
        [rank_empty] golongan is empty
        [rank] unknown golongan ({ $value }); use I/a … IV/e
        [education] unknown education level ({ $value }); use SD, SMP, SMA, D1–D4, S1, S2, S3
        [position_kind] unknown position kind ({ $value }); use JPT, administrator, pengawas, pelaksana, fungsional
        [date] invalid date in column { $column } ({ $value }); use YYYY-MM-DD
        [date_future] date in column { $column } is in the future ({ $value })
        [bool] column { $column } must be ya or tidak (found { $value })
        [file_type] unsupported file type ({ $ext }); send a CSV or XLSX file
        [file_encoding] file cannot be read: save it as UTF-8 CSV
        [file_unreadable] file cannot be read ({ $reason })
        [file_empty] file is empty
       *[other] { $error }
    }
roster-invite-link =
    Registration link for { $name }:
    { $link }
    Valid until { $expires }.
roster-invite-code =
    Registration code for { $name }: { $code }
    Valid until { $expires }.
    Set BOT_USERNAME to get a t.me link.
roster-invite-not_found = No employee with that NIP.
roster-invite-bad_nip = Invalid NIP: { $reason }
roster-demo-written = { $count ->
        [one] { NUMBER($count) } demo roster row
       *[other] { NUMBER($count) } demo roster rows
    } written to { $path }.
roster-demo-linked = { $count ->
        [one] { NUMBER($count) } demo bot user
       *[other] { NUMBER($count) } demo bot users
    } linked.
roster-demo-linked_ignored = --linked is ignored together with --out.
