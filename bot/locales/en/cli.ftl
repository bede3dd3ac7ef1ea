cli-admin-granted = { $telegram_id }: role { $role } granted.
cli-admin-already = { $telegram_id }: already has role { $role }.
cli-admin-menu_note = The running bot updates this user's command menu at their next /start or /help.
cli-admin-none = No role holders yet (ADMIN_TELEGRAM_IDS are added when the bot starts).
cli-admin-row = { $telegram_id }	{ $role }	(granted by { $by })
cli-admin-removed = Removed { $count ->
        [one] { NUMBER($count) } role
       *[other] { NUMBER($count) } roles
    } from { $telegram_id }.
cli-backup-done = Backup written to { $file } ({ NUMBER($kib) } KiB), integrity checked.
cli-backup-failed = Backup failed: { $reason }
cli-backup-postgres = DATABASE_URL is PostgreSQL: back it up with pg_dump (see docs/deploy.md).
cli-db-upgraded = Database schema at revision { $revision }.
cli-demo-failed = ❌ Demo script failed: { $error }
cli-demo-finished = ✅ Demo script finished in { NUMBER($seconds) } seconds.
cli-demo-started = Demo: { $employees ->
        [one] { NUMBER($employees) } employee
       *[other] { NUMBER($employees) } employees
    } of Kabupaten Sukamaju, emulator { $url }
cli-demo-help =
    Type a message for the bot (digits are sent as text too, e.g. a NIP or a phone number).
    #1, #2, … press the numbered button of the latest message with buttons.
    Demo commands:
      :hr — act as the BKPSDM officer  :ppk — act as the approver (PPK)
      :pegawai — act as employee 1     :pegawai 2 — another employee (number 1–300)
      :advance 30d / :advance 2h — move the demo clock; what falls due is sent
      :help — this text                :quit — leave
cli-demo-you_are = You are: { $name } (phone in the roster: { $phone }). Start with /start
cli-demo-switched = Now acting as { $name }.
cli-demo-no_button = There is no button number { $number }.
cli-unlink-done = Account unlinked: { $name } (NIP { $nip }, { $unit }).
cli-demo-unknown_command = Unknown demo command: { $line }. Type :help.
cli-demo-jumped = ⏩ Demo clock now { $when }; { $count ->
        [one] { NUMBER($count) } scheduled item run
       *[other] { NUMBER($count) } scheduled items run
    }.
cli-demo-published = (Anonymous answers are published in shuffled batches. The demo uses an anonymity threshold of { $min } so that the answers of five people in five units show; a real office keeps SURVEY_MIN_GROUP at its default of 5.)
cli-demo-step-registration_and_profile = An employee registers with their phone, adds skills and switches language.
cli-demo-step-hr_tools = HR invites an employee who is not linked yet and imports a roster file.
cli-demo-step-positions_and_window = HR imports open positions by sending a file and opens an aspiration window.
cli-demo-step-recommendation_and_aspiration = The employee sees recommended positions and sends a transfer wish.
cli-demo-step-hr_review = HR reviews the aspiration and accepts it for follow-up; once the undo time has passed, the employee is told.
cli-demo-step-plan_with_moves = HR drafts a plan: /kandidat marks the employee who asked for the post (🙋), one tap puts them in the plan; four more moves from a file.
cli-demo-step-approval = HR submits the plan; the approver (PPK) approves every move.
cli-demo-step-consultation = Consultation: employee 1 asks a question, employee 2 objects, the rest agree.
cli-demo-step-decree = HR keeps the objected move with a reason and records the decrees (SK, TMT).
cli-demo-step-socialization = The demo clock jumps: socialization messages arrive before and after the TMT.
cli-demo-step-carried_out = The TMT has passed: HR marks the moves carried out; the staff records and the employee's position history follow.
cli-demo-step-survey = TMT + 30 days: the anonymous satisfaction survey arrives; the five moved employees answer it, and employee 1 agrees to be contacted by BKPSDM.
cli-demo-step-followup = Follow-up: the "you may contact me" answer becomes a named case (apart from the survey answers); HR notes an action and closes it.
cli-demo-step-results = HR reads the survey results and its chart (saved as a PNG file).
cli-demo-step-announcement = HR sends an announcement to every employee and reads the delivery report.
cli-demo-also_approved = (… the PPK also approves moves #2–#5.)
cli-demo-also_agreed = (… employees { $who } press Agree.)
cli-demo-also_decreed = (… HR also records the SK of moves #2–#5.)
cli-demo-also_answered = (… employees 2–5 also answer the survey.)
cli-demo-edited = (edited)
cli-status-title = asn-bot status, { $when }
cli-status-schema_current = Database: reachable, schema current ({ $revision }).
cli-status-schema_outdated = Database: reachable, schema at { $revision } but this version needs { $head }: run `asn-bot db upgrade`.
cli-status-instances_unknown = Instances: none alive (no lease is current; is the bot running?)
cli-status-instances = Instances alive: { NUMBER($count) }
cli-status-instance = - { $name } ({ $detail }), last seen { $when }{ $sending ->
    [yes] , sends the outbox
   *[no] {""}
}
cli-status-outbox = Outbox: { NUMBER($pending) } waiting, { NUMBER($claimed) } claimed, { NUMBER($sending) } sending; { NUMBER($failed) } failed, { NUMBER($uncertain) } uncertain, { NUMBER($unreachable) } unreachable.
cli-status-upcoming_none = Next scheduled items: none.
cli-status-upcoming = Next scheduled items:
cli-status-upcoming_item = - { $when }: { $kind } #{ $ref }
cli-status-last_error_none = Last send error: none.
cli-status-last_error = Last send error: { $status } ({ $error }), { $when }.
