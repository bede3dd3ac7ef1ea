import-report-line = Line { $line }: { $reason }
import-report-skipped = { $count } rejected lines skipped:
import-report-not_applied = Import cancelled: { $count } lines have problems, nothing was changed. Fix the lines below or import partially (valid lines only).
import-report-missing_columns = Import cancelled: required columns not found: { $columns }.
import-report-more = … and { $count } more problems.
import-report-warnings = { $count } rule warnings (the lines were imported anyway and recorded in the audit trail):
import-report-warned = imported with warning: { $warning }
import-report-dry_run = Dry run (--dry-run): nothing was saved.
import-cli-plan_only_moves = --plan only applies to the moves import.
import-file-type = unsupported file type ({ $ext }); send a CSV or XLSX file
import-file-encoding = file cannot be read: save it as UTF-8 CSV
import-file-unreadable = file cannot be read ({ $reason })
import-file-empty = file is empty
import-file-too_many_rows = the file is too long: more than { $limit } lines (split it into several files)
import-report-deactivated = Full roster: { $count ->
        [one] { NUMBER($count) } employee not listed was deactivated
       *[other] { NUMBER($count) } employees not listed were deactivated
    } (they cannot use the bot and receive no messages).
import-full-rejected_lines = Full roster not applied: { $count ->
        [one] { NUMBER($count) } line has problems
       *[other] { NUMBER($count) } lines have problems
    }, nothing was changed. A full roster deactivates every employee it does not list, so every line must be valid. Fix the lines below and send the file again.
import-full-empty = Full roster not applied: the file lists no employee.
import-full-confirm =
    Valid file: { NUMBER($read) } employee lines.
    As a <b>full roster</b>, { $count ->
        [one] { NUMBER($count) } active employee not listed in this file will be <b>deactivated</b>
       *[other] { NUMBER($count) } active employees not listed in this file will be <b>deactivated</b>
    }: they cannot use the bot and receive no announcements, consultations or surveys.
    Apply the full roster?
import-full-btn_confirm = ✅ Apply the full roster
import-cli-full_only_roster = --full only applies to the employees (roster) import.
import-cli-full_not_partial = --full cannot be combined with --partial: a full roster must have no rejected lines.
