cmd-tindak_lanjut = Follow-up of employees who asked to be contacted (BKPSDM)
menu-tindak_lanjut = 🤝 Follow-up
followup-ask_contact =
    🤝 <b>One separate question (optional)</b>
    May BKPSDM contact you about your placement?
    This answer is <b>not</b> stored with your survey answers and is not linked to them: if you choose "Yes", BKPSDM only records your name and this survey round in order to contact you.
followup-btn_yes = ✅ Yes, please contact me
followup-btn_no = No, thank you
followup-contact_opened = ✅ Thank you. A BKPSDM officer will contact you about your placement. Your survey answers stay anonymous.
followup-contact_already = Your request to be contacted is already recorded. A BKPSDM officer will contact you.
followup-contact_declined = All right, BKPSDM will not contact you about this survey. Thank you.
followup-contact_refused = This button is no longer valid.
followup-assigned_notice = 🤝 Follow-up #{ $id } for <b>{ $name }</b> is assigned to you: this employee asked to be contacted about their placement. Open /tindak_lanjut.
followup-none = There are no open follow-up cases.
followup-list_title =
    🤝 <b>Open follow-up cases</b>: { NUMBER($count) }, overdue: { NUMBER($overdue) } (page { $page }/{ $pages })
    Overdue cases come first.
followup-list_line = { $late ->
        [yes] ⚠️
       *[no] •
    } #{ $id } <b>{ $name }</b> ({ $nip }) · { $unit } · due { $due }{ $owner ->
        [mine] { " " }· yours
        [none] { " " }· no owner yet
       *[other] {""}
    }
followup-btn_open = #{ $id } { $name }
followup-card =
    🤝 <b>Follow-up #{ $id }</b> — { $status ->
        [open] Open
       *[closed] Closed
    }
    👤 { $name } ({ $nip })
    🏢 { $unit } · { $position }
    📋 { $survey } ({ $round })
    Opened: { $opened } · Due: { $due }{ $late ->
        [yes] { " " }⚠️ <b>overdue</b>
       *[no] {""}
    }
    Owner: { $owner }
followup-owner_none = none yet
followup-owner_you = you
followup-owner_other = officer { $id }
followup-notes_title = <b>Actions</b>
followup-note_line = • { $at } — { $text }
followup-no_notes = No action noted yet.
followup-closing_note = <b>Closing note</b>: { $text }
followup-btn_take = 🙋 Take it
followup-btn_note = 📝 Note an action
followup-btn_close = ✅ Close
followup-btn_move = 🔁 Propose a corrective move
followup-btn_list = ⬅️ Follow-up list
followup-taken = Follow-up #{ $id } is now yours.
followup-ask_note = Type the action taken for follow-up #{ $id } (e.g. <i>phoned; the employee asks for a unit closer to home</i>). Type /cancel to stop.
followup-noted = 📝 Action noted on follow-up #{ $id }.
followup-ask_close = Type the closing note of follow-up #{ $id } (the outcome, e.g. <i>satisfied after a change of duties</i>). Type /cancel to stop.
followup-closed = ✅ Follow-up #{ $id } closed.
followup-stale = This follow-up case is closed or no longer exists.
followup-plan_name = Placement correction { $date }
followup-move_intro = 🔁 Corrective move from follow-up #{ $id }, in the Draft plan <i>{ $plan }</i>{ $created ->
        [yes] { " " }(newly created)
       *[no] {""}
    }.
