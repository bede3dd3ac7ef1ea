admin-invite_ask_nip = Type the NIP of the employee to invite (18 digits; spaces allowed). A one-time registration link will be created for them.
admin-invite_bad_nip = Invalid NIP: { $reason }
admin-invite_not_found = That NIP is not in the staff records. Import the roster first or check the NIP.
admin-invite_created =
    Invite link for <b>{ $name }</b> (single use, valid until { $expires }):
    { $link }
    Send this link only to that employee.
cmd-undangan = Create a registration invite link (BKPSDM)
menu-undangan = 🔗 Invite
admin-invite_inactive = The employee with that NIP is no longer active (not listed in the last full roster), so they cannot be registered. Import a roster that lists them if this is a mistake.
admin-unlink_usage = Usage: <code>/putus NIP</code> (18 digits).
admin-unlink_not_linked = The employee with that NIP has no linked Telegram account.
admin-unlink_confirm =
    Unlink the Telegram account of this employee?
    Name: <b>{ $name }</b>
    NIP: { $nip }
    Unit: { $unit }
    The account will no longer be linked to this employee and messages not yet sent to it are cancelled. The staff record and its history stay.
admin-btn_unlink = ✂️ Unlink account
admin-unlinked = Account unlinked. Its owner was told; they can link again only with the phone number in the staff records or a new invite link.
admin-unlinked_notice = Your Telegram account is no longer linked to the staff records (unlinked by BKPSDM). If this is a mistake, please contact BKPSDM.
cmd-putus = Unlink an employee's Telegram account (BKPSDM)
menu-putus = ✂️ Unlink account
