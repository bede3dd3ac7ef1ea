admin-invite_ask_nip = Type the NIP of the employee to invite (18 digits; spaces allowed). A one-time registration link will be created for them.
admin-invite_bad_nip = Invalid NIP: { $reason }
admin-invite_not_found = That NIP is not in the staff records. Import the roster first or check the NIP.
admin-invite_created =
    Invite link for <b>{ $name }</b> (single use, valid until { $expires }):
    { $link }
    Send this link only to that employee.
cmd-undangan = Create a registration invite link (BKPSDM)
menu-undangan = 🔗 Invite
