common-not_allowed = ⛔ Sorry, this command is only for authorised officers. If you think this is a mistake, contact BKPSDM.
common-register_first = Your Telegram account is not linked to the staff records yet. Type /start to register.
common-stale_button = This button is no longer valid. Open the menu again with /menu.
common-private_only = Please use this bot in a private chat.
common-private_only_link = This bot only works in private chats to keep your data confidential. Open a chat with @{ $username } and type /start.
common-error = ⚠️ Something went wrong while handling your message. No data was lost; please try again in a moment. If it keeps happening, contact BKPSDM.
common-no_conversation = I am not waiting for an answer from you. Type /menu to see what you can do, or /help for help.
common-cancelled_draft_kept = Cancelled. What you entered so far is kept as a draft; type { $command } to continue.
common-cancelled = Cancelled. Type /menu to return to the main menu.
common-expect_text = Please answer by typing text (not a photo, sticker or file).
common-text_empty = The answer must not be empty. Please type it again.
common-text_too_long = The text is too long { $length ->
        [one] ({ NUMBER($length) } character)
       *[other] ({ NUMBER($length) } characters)
    }. The limit is { $limit ->
        [one] { NUMBER($limit) } character;
       *[other] { NUMBER($limit) } characters;
    } please shorten it and send again.
common-timeout_draft_kept = ⏱ The conversation was stopped after a period of inactivity. Your input is kept as a draft; type { $command } to continue.
common-timeout = ⏱ The conversation was stopped after a period of inactivity. Type /menu to start again.
common-nothing_to_cancel = There is no conversation in progress. Type /menu to see the menu.
common-btn_back = ⬅️ Back
common-btn_cancel = ✖️ Cancel
common-btn_send = ✅ Send
common-btn_main_menu = 🏠 Main menu
common-btn_next = Next ➡️
common-btn_prev = ⬅️ Previous
reg-welcome =
    Welcome to the BKPSDM transfer consultation service 👋
    Here you can submit transfer wishes (aspirasi mutasi), answer proposed moves and fill in satisfaction surveys.
reg-consent =
    <b>Consent to process personal data (UU PDP)</b>
    { "" }
    What is stored: your Telegram ID, the phone number you share (only to match you with the staff records), skills you enter yourself, and your answers in this bot.
    Why: transfer services and staff evaluation.
    Who can see it: BKPSDM officers and the PPK (approving official), as their duties require.
    You can download your data and unlink your account at any time via /profil.
    { "" }
    Do you agree?
reg-consent_yes = ✅ I agree
reg-consent_no = I do not agree
reg-consent_declined = Without your consent the bot cannot process your data. If you change your mind, type /start.
reg-consent_thanks = Thank you for your consent.
reg-press_consent = Please answer the consent question with one of the buttons above, or type /start to show it again.
reg-ask_contact =
    To link your account, press the <b>Share my phone number</b> button below. The number is matched with BKPSDM's staff records.
    If your number differs from BKPSDM's records, ask BKPSDM for an invite link.
reg-share_contact_button = 📱 Share my phone number
reg-press_contact_button = Please use the <b>Share my phone number</b> button below the input field (do not type the number).
reg-not_own_contact = The shared contact does not belong to your Telegram account. Press <b>Share my phone number</b> to share your own number.
reg-foreign_phone = The number you shared is not an Indonesian (+62) number. Only Indonesian mobile numbers recorded in the staff data can be used. If you use a foreign number, ask BKPSDM for an invite link.
reg-unknown_phone = Your phone number was not found in the staff records, or it is already linked to another account. Contact BKPSDM to update your number or to get an invite link.
reg-ambiguous_phone = This phone number is recorded for more than one employee. Contact BKPSDM for an invite link.
reg-invite_unknown = Unknown invite code. Check the link from BKPSDM or ask for a new one.
reg-invite_expired = The invite code has expired. Ask BKPSDM for a new invite link.
reg-invite_used = This invite code was already used. Ask BKPSDM for a new invite link.
reg-invite_already_linked = The employee record for this code is already linked to another Telegram account. Contact BKPSDM.
reg-already_linked = Your account is already linked. You no longer need an invite link.
reg-linked = ✅ Account linked. Welcome, <b>{ $name }</b>!
reg-locked = Too many failed attempts. Please try again in { $minutes ->
        [one] { NUMBER($minutes) } minute
       *[other] { NUMBER($minutes) } minutes
    }, or contact BKPSDM.
menu-title =
    🏠 <b>Main menu</b>
    Choose a service:
help-title = <b>What you can do:</b>
help-not_registered =
    { "" }
    You are not registered yet: type /start to link your account with the staff records.
lang-choose = Pilih bahasa / Choose a language:
lang-changed = Language changed to English.
cmd-start = Start and register
cmd-menu = Main menu
cmd-help = Help
cmd-cancel = Cancel the conversation
cmd-bahasa = Change language
cmd-profil = My profile and skills
menu-profil = 👤 My profile
profile-card =
    👤 <b>{ $name }</b>
    NIP: { $nip }
    Unit (OPD): { $unit }
    Position: { $position }
    Golongan: { $rank }
    Education: { $education }
    TMT in position: { $tmt }
profile-roster_skills = Skills in BKPSDM's records: { $skills }
profile-declared_header =
    { "" }
    <b>Skills & certifications you entered</b> (self-declared):
profile-declared_none =
    { "" }
    You have not added skills or certifications yourself yet.
profile-btn_add_skill = ➕ Skill
profile-btn_add_cert = ➕ Certification
profile-btn_manage = ✏️ Edit / delete
profile-btn_export = 📥 Download my data
profile-btn_unlink = 🔌 Unlink account
profile-ask_text = Type your skill or certification (at most { $limit ->
        [one] { NUMBER($limit) } character
       *[other] { NUMBER($limit) } characters
    }). Example: <i>computer networks, records management</i>. Type /cancel to stop.
profile-too_many = You already have { $limit ->
        [one] { NUMBER($limit) } item
       *[other] { NUMBER($limit) } items
    }. Delete one first with Edit / delete.
profile-saved = ✅ Saved.
profile-manage_title = Choose an item to edit (✏️) or delete (🗑):
profile-export_caption = Everything the bot stores about you.
profile-unlink_confirm =
    <b>Unlink your Telegram account from the staff records?</b>
    Deleted: skills/certifications you entered, conversation drafts, unsent survey drafts, the texts of your answers and questions about proposed moves, the texts of messages the bot sent you (unsent ones are cancelled), your texts in the audit trail, this account's officer roles and your consent.
    Kept by BKPSDM: the official staff records (roster), aspirations, the kind of your answers and named-survey answers already submitted (anonymous survey answers are not linked to you at all), and the audit trail without your texts, as they are official HR records.
    You can register again at any time with /start.
profile-btn_unlink_yes = Yes, unlink my account
profile-unlinked = Your account has been unlinked and the data you gave has been deleted. Thank you.
import-hr_only = Files are only accepted from BKPSDM officers. If you want to send supporting documents, contact BKPSDM.
import-bad_type = Unsupported file type. Send a .csv or .xlsx file.
import-too_big = The file is too big (at most { $limit_mb } MB). Split it into several files.
import-choose_kind = File received. What data does it contain?
import-kind_roster = 👥 Employee roster
import-kind_roster_full = 👥 Full roster (deactivate those not listed)
import-btn_partial = Import the valid rows only
import-use_buttons = Choose one of the buttons above, or type /cancel to stop.
lang-name_id = 🇮🇩 Bahasa Indonesia
lang-name_en = 🇬🇧 English
profile-kind_skill = Skill
profile-kind_certification = Certification
common-expect_contact = Please share your number with the button below (do not type it).
common-expect_document = Please send the file as a document (CSV or XLSX).
common-expect_button = Please choose one of the buttons in the previous message, or type /cancel to stop.
common-step_not_allowed = ⛔ This step is only for authorised officers; the conversation was stopped. Type /menu to continue.
common-too_many_messages = ⏳ Too many messages at once. Please wait a moment, then resend any message that was not answered.
common-inactive = Your account is no longer recorded as an active employee in the staff records, so this bot's services are not available. If this is a mistake, please contact BKPSDM.
common-unknown_command = The command /{ $command } is unknown. Type /help to see the available commands, or open the main menu.
common-unknown_command_suggest = Unknown command. Did you mean /{ $command }?
menu-not_registered =
    🏠 <b>Menu</b>
    Your Telegram account is not linked to the staff records yet. Press <b>Register</b> to link it (or type /start), or <b>Help</b> to see what this bot can do.
menu-btn_start = ▶️ Register (/start)
menu-btn_help = ❓ Help
menu-btn_language = 🌐 Bahasa / Language
profile-deleted_item = 🗑 “{ $text }” deleted. Press <b>Undo</b> if this was a mistake.
profile-restored = ↩️ “{ $text }” restored.
profile-item_gone = This item no longer exists (perhaps it was deleted). Open /profil to see the current list.
profile-undo_gone = This deletion can no longer be undone. Add it again with the ➕ Skill button in /profil.
profile-btn_undo = ↩️ Undo
profile-btn_back_profile = 👤 Back to the profile
common-text_no_words = Please answer in words (emoji or punctuation alone do not answer). Please type again.
common-current_value = Current value (tap to copy): <code>{ $value }</code>
profile-history_header =
    { "" }
    <b>Position history</b>:
profile-history_line = • TMT { $tmt }: { $position } — { $unit } (SK { $sk })
