roster-report-line = Line { $line }: { $reason }
roster-report-applied = Import finished: { $created ->
        [one] { NUMBER($created) } employee added
       *[other] { NUMBER($created) } employees added
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
roster-err-nip_empty = NIP is empty
roster-err-nip_digits = NIP may contain digits only
roster-err-nip_length = NIP must have 18 digits (found { $found })
roster-err-nip_birth_date = birth date in the NIP is not a real date ({ $value })
roster-err-nip_tmt_date = CPNS TMT in the NIP is not a real month ({ $value })
roster-err-nip_tmt_future = CPNS TMT in the NIP is in the future ({ $value })
roster-err-nip_tmt_too_early = CPNS TMT in the NIP ({ $value }) is before age { $age }
roster-err-nip_sex = sex digit in the NIP must be 1 or 2 (found { $digit })
roster-err-nip_duplicate = NIP already appears on line { $first_line }
roster-err-name_empty = name is empty
roster-err-required = column { $column } is empty
roster-err-too_long = column { $column } is longer than { $max } characters
roster-err-phone = invalid phone number ({ $value })
roster-err-phone_foreign = foreign phone number ({ $value }); only Indonesian (+62) mobile numbers can be used
roster-err-rank_empty = golongan is empty
roster-err-rank = unknown golongan ({ $value }); use I/a … IV/e
roster-err-education = unknown education level ({ $value }); use SD, SMP, SMA, D1–D4, S1, S2, S3
roster-err-position_kind = unknown position kind ({ $value }); use JPT, administrator, pengawas, pelaksana, fungsional
roster-err-date = invalid date in column { $column } ({ $value }); use DD-MM-YYYY, e.g. 31-12-2026 (YYYY-MM-DD works too)
roster-err-date_future = date in column { $column } is in the future ({ $value })
roster-err-bool = column { $column } must be ya or tidak (found { $value })
roster-err-sanction_level = unknown sanction level in column { $column } ({ $value }); use ringan, sedang or berat
roster-err-skp = unknown SKP rating in column { $column } ({ $value }); use sangat baik, baik, butuh perbaikan, kurang, sangat kurang, or a score 0–100
