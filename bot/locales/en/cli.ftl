cli-admin-granted = { $telegram_id }: role { $role } granted.
cli-admin-already = { $telegram_id }: already has role { $role }.
cli-admin-menu_note = The running bot updates this user's command menu at their next /start or /help.
cli-admin-none = No role holders yet (ADMIN_TELEGRAM_IDS are added when the bot starts).
cli-admin-row = { $telegram_id }	{ $role }	(granted by { $by })
cli-admin-removed = Removed { $count ->
        [one] { NUMBER($count) } role
       *[other] { NUMBER($count) } roles
    } from { $telegram_id }.
cli-db-upgraded = Database schema at revision { $revision }.
cli-demo-failed = ❌ Demo script failed: { $error }
cli-demo-finished = ✅ Demo script finished.
cli-demo-started = Demo: { $employees ->
        [one] { NUMBER($employees) } employee
       *[other] { NUMBER($employees) } employees
    } of Kabupaten Sukamaju, emulator { $url }
cli-demo-help =
    Type a message for the bot, or a button's number to press it.
    Demo commands: :hr (act as BKPSDM), :pegawai (act as an employee), :keluar (quit).
cli-demo-you_are = You are: { $name } (phone in the roster: { $phone }). Start with /start
cli-demo-switched = Now acting as { $name }.
cli-demo-no_button = There is no button number { $number }.
cli-unlink-done = Account unlinked: { $name } (NIP { $nip }, { $unit }).
