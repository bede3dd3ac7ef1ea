admin-invite_usage = Usage: <code>/undangan NIP</code> (18 digits).
admin-invite_bad_nip = Invalid NIP: { $reason }
admin-invite_not_found = That NIP is not in the staff records. Import the roster first or check the NIP.
admin-invite_created =
    Invite link for <b>{ $name }</b> (single use, valid until { $expires }):
    { $link }
    Send this link only to that employee.
cmd-undangan = Create a registration invite link (BKPSDM)
menu-undangan = 🔗 Invite
