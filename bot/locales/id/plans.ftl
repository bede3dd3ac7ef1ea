cmd-rencana = Rencana mutasi (BKPSDM)
cmd-persetujuan = Persetujuan usulan mutasi (PPK)
cmd-tanya = Pertanyaan pegawai tentang usulan mutasi
menu-rencana = 🗂 Rencana mutasi
menu-persetujuan = ✍️ Persetujuan
menu-tanya = ❓ Pertanyaan pegawai
plans-list_title =
    🗂 <b>Rencana mutasi</b>
    Pilih rencana, atau buat yang baru:
plans-list_empty = Belum ada rencana mutasi. Tekan tombol di bawah untuk membuat yang pertama.
plans-btn_new = ➕ Rencana baru
plans-ask_name = Ketik nama rencana, misalnya <i>Mutasi Januari 2027</i>. Ketik /cancel untuk batal.
plans-created = ✅ Rencana #{ $id } dibuat (Draf).
plans-card =
    🗂 <b>Rencana #{ $id }: { $name }</b>
    Status: { $status }
    { "" }
plans-move_line = #{ $id } { $name }: { $src } → <b>{ $dst }</b> ({ $status })
plans-no_moves = Belum ada usulan. Tekan <b>Tambah usulan</b>.
plans-btn_add = ➕ Tambah usulan
plans-btn_submit = 📤 Ajukan ke PPK
plans-btn_consult = 📨 Kirim konsultasi ke pegawai
plans-btn_moves = 🔎 Rincian usulan
plans-btn_summary = 📊 Rekap tanggapan
plans-btn_xlsx = 📥 Ekspor XLSX
plans-btn_audit = 🧾 Jejak audit
plans-btn_workload = ⚖️ Beban kerja
plans-ask_emp = Ketik NIP atau nama pegawai yang diusulkan. Ketik /cancel untuk batal.
plans-emp_not_found = Tidak ada pegawai aktif yang cocok dengan “{ $query }”. Ketik ulang NIP (18 digit, atau beberapa digit awalnya) atau nama pegawai, atau tekan Batal.
plans-emp_pick = { NUMBER($count) } pegawai cocok dengan “{ $query }” (halaman { $page }/{ $pages }). Pilih pegawai yang dimaksud, atau ketik ulang NIP atau nama:
plans-ask_dest =
    Tujuan untuk <b>{ $name }</b>: ketik kode jabatan lowong (mis. <i>F-001</i>) atau <i>Unit / Jabatan</i> (mis. <i>Dinas Kesehatan / Analis Kebijakan</i>).
    Pindah ke instansi lain: <i>keluar: Instansi / Jabatan</i> (mis. <i>keluar: Pemerintah Provinsi Jawa Barat / Analis Kebijakan</i>).
plans-ask_dest_revise = Revisi usulan #{ $id }: ketik tujuan baru — kode jabatan lowong atau <i>Unit / Jabatan</i>.
plans-dest_unknown = Tujuan tidak dikenali. Ketik kode jabatan lowong yang terbuka, atau <i>Unit / Jabatan</i> dengan nama unit yang ada.
plans-ask_tmt =
    Tujuan: <b>{ $unit }</b> — { $position }.
    Ketik usulan TMT (tanggal berlaku), { dates-hint_date }.
plans-tmt_past_confirm = ⚠️ TMT { $tmt } sudah lewat (hari ini { $today }). Ketik tanggal yang sama sekali lagi untuk tetap memakainya, atau ketik TMT lain.
plans-ask_why = Ketik alasan/pertimbangan usulan ini (ditampilkan kepada pegawai), maks. 500 karakter.
plans-move_added = ✅ Usulan #{ $id } untuk { $name } ditambahkan.
plans-already_in_plan = { $name } masih punya usulan mutasi yang berjalan: #{ $move } di rencana #{ $plan } <i>{ $plan_name }</i>. Satu pegawai hanya boleh ada di satu usulan yang berjalan; selesaikan atau batalkan usulan itu dahulu.
plans-not_draft = Rencana ini tidak lagi berstatus Draf; usulan tidak dapat ditambah.
plans-no_draft_plan = Belum ada rencana berstatus Draf untuk menampung usulan ini. Buat rencana baru sekarang; usulan ini langsung dilanjutkan di dalamnya.
plans-usul_intro = Usulan: <b>{ $name }</b> ke jabatan lowong <b>{ $position }</b> ({ $unit }), dalam rencana <i>{ $plan }</i>.
plans-cannot_submit = Rencana hanya dapat diajukan saat berstatus Draf dan berisi usulan.
plans-submitted = 📤 Rencana #{ $id } ({ NUMBER($count) } usulan) diajukan ke PPK.
plans-approver_notice = 📥 Rencana mutasi #{ $id } <b>{ $name }</b> ({ NUMBER($count) } usulan) menunggu persetujuan Anda. Buka /persetujuan.
plans-decided_notice = ✍️ Semua usulan rencana #{ $id } sudah diputuskan: { NUMBER($approved) } disetujui, { NUMBER($rejected) } ditolak. Buka /rencana untuk mengirim konsultasi.
plans-consult_started = 📨 Konsultasi dikirim ke { NUMBER($sent) } pegawai. Belum terhubung ke bot: { NUMBER($unlinked) }.
plans-moves_title = Usulan dalam rencana #{ $id }:
plans-summary =
    📊 <b>Rekap konsultasi</b>
    Dikonsultasikan: { NUMBER($consulted) }
    Sudah menanggapi: { NUMBER($answered) }
    Setuju: { NUMBER($agreed) }
    Keberatan: { NUMBER($objected) }
    Lewat batas waktu: { NUMBER($overdue) }
    Pertanyaan terbuka: { NUMBER($open_questions) }
plans-objection_line =
    ⚠️ #{ $id } { $name } — { $category }: { $text }
    { "   " }Dipertahankan: { $kept }
plans-overdue_line = ⏰ #{ $id } { $name } — belum menanggapi, lewat batas waktu
plans-export_caption = Rencana mutasi: usulan, tanggapan dan jejak audit.
plans-sheet_moves = Usulan
plans-sheet_audit = Audit
plans-col =
    { $column ->
        [id] No. usulan
        [nip] NIP
        [name] Nama
        [from_unit] Unit asal
        [from_position] Jabatan asal
        [to_unit] Unit tujuan
        [to_position] Jabatan tujuan
        [tmt] Usulan TMT
        [rationale] Alasan
        [warnings] Peringatan
        [override] Alasan tetap diusulkan
        [status] Status
        [version] Versi
        [decision_note] Catatan PPK
        [answer] Tanggapan
        [category] Kategori keberatan
        [answer_text] Isi tanggapan
        [kept] Dipertahankan karena
        [overdue] Lewat batas
        [questions] Pertanyaan terbuka
        [sk] Nomor SK
        [sk_tmt] TMT SK
       *[other] { $column }
    }
plans-audit_title = 🧾 <b>Jejak audit rencana #{ $id }</b> ({ NUMBER($count) } catatan; yang terbaru di bawah, lengkap di berkas):
plans-move_card =
    🔎 <b>Usulan #{ $id }</b> (versi { $version })
    Pegawai: { $name }
    Dari: { $src } — { $src_pos }
    Ke: <b>{ $dst }</b> — { $dst_pos }
    Usulan TMT: { $tmt }
    Alasan (ditampilkan kepada pegawai): { $why }
    Status: { $status }
    Catatan PPK: { $note }
    Tanggapan: { $answer } — { $answer_text }
    Pertanyaan terbuka: { $questions }
    SK: { $sk }
plans-overdue_flag = ⏰ Pegawai belum menanggapi sampai batas waktu.
plans-btn_revise = ✏️ Revisi
plans-btn_keep = 📌 Tetap dengan alasan
plans-btn_decree = 🏛 Catat SK
plans-btn_tmt = 📅 Ubah TMT
plans-btn_done = ✅ Dilaksanakan
plans-btn_cancel_move = ✖️ Batalkan usulan
plans-not_now = Tindakan ini tidak dapat dilakukan pada status { $status }.
plans-sk_needs_answer = SK baru dapat dicatat setelah pegawai menyetujui, atau setelah keberatan/ketiadaan tanggapan dipertahankan dengan alasan.
plans-ask_keep = Ketik alasan usulan #{ $id } tetap dipertahankan tanpa perubahan.
plans-kept = 📌 Usulan #{ $id } dipertahankan; alasannya dicatat dan usulan dikirim kembali ke PPK untuk disetujui bersama keberatan pegawai.
plans-ask_sk = Ketik nomor SK untuk usulan #{ $id }.
plans-ask_sk_tmt = Ketik TMT menurut SK, { dates-hint_date }.
plans-decreed = 🏛 Usulan #{ $id } ditetapkan: SK { $sk }, TMT { $tmt }. Pegawai telah diberi tahu.
plans-decree_notice =
    🏛 <b>Mutasi Anda telah ditetapkan</b>
    Unit: { $unit }
    Jabatan: { $position }
    SK: { $sk }
    TMT: { $tmt }
    Terima kasih atas tanggapan Anda selama konsultasi.
plans-ask_new_tmt = Ketik TMT baru untuk usulan #{ $id }, { dates-hint_date }.
plans-tmt_changed = 📅 TMT usulan #{ $id } diubah menjadi { $tmt } dan dikirim kembali ke PPK untuk disetujui. Pegawai diberi tahu setelah disetujui.
plans-tmt_notice = 📅 TMT mutasi Anda diubah menjadi <b>{ $tmt }</b>.
plans-done = ✅ Usulan #{ $id } dilaksanakan. Unit kerja, jabatan dan TMT jabatan pegawai di data kepegawaian diperbarui, riwayat jabatan dicatat, dan angka bezetting ikut berubah.
plans-ask_cancel = Ketik alasan pembatalan usulan #{ $id }.
plans-cancelled = ✖️ Usulan #{ $id } dibatalkan.
plans-cancel_notice = Usulan mutasi #{ $id } untuk Anda dibatalkan oleh BKPSDM. Tidak ada yang perlu Anda lakukan.
plans-revised = ✏️ Usulan #{ $id } direvisi (versi { $version }) dan dikirim kembali ke PPK untuk disetujui. Setelah disetujui, kirim konsultasi ulang ke pegawai dari kartu rencana.
plans-apv_none = Tidak ada rencana yang menunggu persetujuan.
plans-apv_title = ✍️ <b>Rencana menunggu persetujuan</b>:
plans-apv_plan = ✍️ <b>Rencana #{ $id }: { $name }</b> (halaman { $page }/{ $pages })
plans-apv_move =
    <b>#{ $id } { $name }</b>
    Dari: { $src } — { $src_pos }
    Ke: { $dst } — { $dst_pos }
    Usulan TMT: { $tmt }
    Alasan: { $why }
    Status: { $status }
plans-apv_btn_ok = ✅ Setujui #{ $id }
plans-apv_btn_no = ❌ Tolak #{ $id }
plans-apv_ask_note = Ketik catatan penolakan usulan #{ $id } (wajib).
plans-apv_already = Usulan #{ $id } sudah berstatus { $status }.
plans-kons_message =
    📨 <b>Usulan mutasi untuk Anda</b> (#{ $id })
    Dari: { $from_unit } — { $from_position }
    Ke: <b>{ $to_unit }</b>
    Jabatan: <b>{ $to_position }</b>
    Tugas pokok: { $duties }
    Usulan TMT: { $tmt }
    Pertimbangan: { $rationale }
    { "" }
    Mohon tanggapi sebelum <b>{ $deadline }</b> dengan tombol di bawah.
plans-kons_message_revised =
    📨 <b>Usulan mutasi yang direvisi</b> (#{ $id }, versi { $version }) — menggantikan usulan sebelumnya.
    Dari: { $from_unit } — { $from_position }
    Ke: <b>{ $to_unit }</b>
    Jabatan: <b>{ $to_position }</b>
    Tugas pokok: { $duties }
    Usulan TMT: { $tmt }
    Pertimbangan: { $rationale }
    { "" }
    Mohon tanggapi sebelum <b>{ $deadline }</b> dengan tombol di bawah.
plans-kons_btn_ok = ✅ Setuju
plans-kons_btn_note = 📝 Setuju dengan catatan
plans-kons_btn_obj = ⚠️ Keberatan
plans-kons_btn_ask = ❓ Tanya BKPSDM
plans-kons_not_yours = ⛔ Usulan ini bukan untuk Anda.
plans-kons_outdated = Tombol ini sudah tidak berlaku: usulan telah direvisi atau ditutup. Gunakan pesan usulan yang terbaru.
plans-kons_ask_note = Ketik catatan Anda (maks. 500 karakter).
plans-kons_ask_category = Pilih kategori keberatan Anda:
plans-kons_ask_objection = Jelaskan alasan keberatan Anda (wajib, maks. 500 karakter).
plans-kons_ask_question = Ketik pertanyaan Anda untuk BKPSDM (maks. 500 karakter).
plans-kons_already = Anda sudah menanggapi usulan ini.
plans-kons_question_sent = ❓ Pertanyaan Anda terkirim ke BKPSDM. Jawabannya akan dikirim di sini.
plans-kons_reminder = ⏰ Pengingat: Anda belum menanggapi usulan mutasi #{ $id }. Batas waktu: <b>{ $deadline }</b>.
plans-overdue_notice = ⏰ Usulan #{ $id } (rencana #{ $plan }) belum ditanggapi pegawai sampai batas waktu. Lihat /rencana.
plans-objection_notice = ⚠️ Pegawai menyatakan keberatan atas usulan #{ $id } (rencana #{ $plan }). Lihat /rencana.
plans-question_notice = ❓ Ada pertanyaan baru tentang usulan #{ $id }. Buka /tanya.
plans-btn_open_move = 🔎 Buka usulan #{ $id }
plans-tanya_none = Tidak ada pertanyaan yang belum dijawab.
plans-tanya_title = ❓ <b>Pertanyaan pegawai</b> ({ NUMBER($count) } belum dijawab):
plans-tanya_line =
    <b>P{ $id }</b> — usulan #{ $move }, { $name }:
    <i>{ $text }</i>
plans-tanya_btn = 💬 Jawab P{ $id }
plans-tanya_already = Pertanyaan P{ $id } sudah dijawab.
plans-tanya_ask_answer =
    Pertanyaan P{ $id }: <i>{ $text }</i>
    Ketik jawaban Anda.
plans-tanya_answered = 💬 Jawaban untuk P{ $id } terkirim ke pegawai.
plans-answer_to_employee =
    💬 <b>Jawaban BKPSDM</b> atas pertanyaan Anda tentang usulan mutasi #{ $id }:
    <i>{ $question }</i>
    { "" }
    { $answer }
cmd-audit_rencana = Jejak audit rencana mutasi (hanya baca)
cmd-usulan = Usulan mutasi untuk saya yang sedang dikonsultasikan
menu-audit_rencana = 🧾 Jejak audit rencana
menu-usulan = 📨 Usulan mutasi saya
import-kind_moves = 🗂 Usulan mutasi (ke rencana Draf terbaru)
plans-imp_no_draft = Tidak ada rencana berstatus Draf. Buat rencana dengan /rencana terlebih dahulu, lalu kirim ulang berkasnya.
plans-imp_plan_not_draft = Rencana #{ $id } tidak ditemukan atau bukan Draf.
plans-imp_target = Rencana tujuan: #{ $id } { $name } (Draf).
plans-imp_applied = Impor selesai: { NUMBER($created) } usulan ditambahkan ke rencana #{ $id }.
plans-imp_warnings = { NUMBER($count) } peringatan aturan (usulan tetap diimpor dan dicatat di jejak audit):
plans-imp_warned = diimpor dengan peringatan: { $warning }
plans-btn_usul = 📝 Usulkan { $n }
plans-aud_pick = 🧾 Pilih rencana untuk membaca jejak auditnya (hanya baca):
plans-aud_none = Belum ada rencana mutasi.
plans-usulan_none = Tidak ada usulan mutasi untuk Anda yang sedang dikonsultasikan atau baru diputuskan.
plans-usulan_answered = Tanggapan Anda: <b>{ $answer }</b> — { $text }
plans-btn_cancel_plan = 🚫 Batalkan rencana
plans-ask_cancel_plan = Membatalkan rencana #{ $id } { $name } akan membatalkan semua usulan yang masih berjalan. Ketik alasan pembatalan, atau /cancel.
plans-plan_not_cancellable = Rencana ini tidak ditemukan atau sudah dibatalkan.
plans-plan_cancelled = 🚫 Rencana #{ $id } dibatalkan: { NUMBER($count) } usulan dibatalkan, { NUMBER($told) } pegawai diberi tahu.
plans-pstatus_draft = Draf
plans-pstatus_submitted = Diajukan
plans-pstatus_active = Diputuskan
plans-pstatus_cancelled = Dibatalkan
plans-status_draft = Draf
plans-status_submitted = Diajukan
plans-status_approved = Disetujui
plans-status_rejected = Ditolak
plans-status_consultation = Konsultasi
plans-status_decreed = Ditetapkan
plans-status_done = Dilaksanakan
plans-status_cancelled = Dibatalkan
plans-answer_agree = Setuju
plans-answer_agree_notes = Setuju dengan catatan
plans-answer_object = Keberatan
plans-cat_family = Keluarga
plans-cat_health = Kesehatan
plans-cat_career = Karier
plans-cat_competence = Kompetensi
plans-cat_distance = Jarak / domisili
plans-cat_other = Lainnya
plans-col_id = No. usulan
plans-col_nip = NIP
plans-col_name = Nama
plans-col_from_unit = Unit asal
plans-col_from_position = Jabatan asal
plans-col_to_unit = Unit tujuan
plans-col_to_position = Jabatan tujuan
plans-col_tmt = Usulan TMT
plans-col_rationale = Alasan
plans-col_warnings = Peringatan
plans-col_override = Alasan tetap diusulkan
plans-col_status = Status
plans-col_version = Versi
plans-col_decision_note = Catatan PPK
plans-col_answer = Tanggapan
plans-col_category = Kategori keberatan
plans-col_answer_text = Isi tanggapan
plans-col_kept = Dipertahankan karena
plans-col_overdue = Lewat batas
plans-col_questions = Pertanyaan terbuka
plans-col_sk = Nomor SK
plans-col_sk_tmt = TMT SK
plans-audit_col_at = Waktu (UTC)
plans-audit_col_actor = Oleh
plans-audit_col_action = Tindakan
plans-audit_col_entity = Objek
plans-audit_col_details = Rincian
plans-apv_done_approve = ✅ Usulan #{ $id } disetujui.
plans-apv_done_reject = ❌ Usulan #{ $id } ditolak; catatan disimpan.
plans-kons_thanks_agree = ✅ Terima kasih, persetujuan Anda dicatat.
plans-kons_thanks_agree_notes = ✅ Terima kasih, persetujuan dan catatan Anda dicatat.
plans-kons_thanks_object = Terima kasih, keberatan Anda dicatat dan diteruskan ke BKPSDM.
plans-imp_err_dest_missing = tujuan kosong: isi kode jabatan lowong, atau unit tujuan dan jabatan tujuan
plans-imp_err_emp_unknown = NIP tidak ditemukan di data pegawai aktif
plans-imp_err_position_unknown = kode jabatan lowong tidak dikenal ({ $value })
plans-imp_err_unit_unknown = unit tujuan tidak dikenal ({ $value })
plans-imp_err_already_in_plan = { $name } masih punya usulan yang berjalan (#{ $move }, rencana #{ $plan } { $plan_name })
plans-emp_choice = { $n }. <b>{ $name }</b> — NIP { $nip } — { $unit } — { $position }
plans-emp_list_stale = Daftar pilihan pegawai ini sudah tidak berlaku. Tekan Tambah usulan pada kartu rencana untuk mencari lagi.
plans-btn_new_for_proposal = ➕ Buat rencana baru untuk usulan ini
plans-proposal_gone = Jabatan lowong atau pegawai untuk usulan ini sudah tidak ada. Cari lagi lewat /kandidat.
plans-submit_confirm =
    📤 <b>Ajukan rencana #{ $id }: { $name } ke PPK?</b>
    { NUMBER($count) } usulan, { NUMBER($warned) } di antaranya dengan catatan aturan.
    Setelah diajukan, usulan tidak dapat ditambah atau diubah lagi.
    { "" }
plans-btn_submit_yes = 📤 Ya, ajukan ke PPK
plans-btn_open_plan = 🗂 Buka rencana
plans-apv_confirm = ✍️ <b>Setujui usulan #{ $id } berikut?</b> Setelah disetujui, BKPSDM dapat mengirimkannya kepada pegawai untuk konsultasi; keputusan tidak dapat ditarik kembali di sini.
plans-apv_btn_yes = ✅ Ya, setujui #{ $id }
plans-plan_status_now = Rencana #{ $id } sekarang berstatus <b>{ $status }</b>, sehingga tombol ini sudah tidak berlaku.
plans-act_plan_created = membuat rencana
plans-act_plan_submitted = mengajukan rencana ke PPK
plans-act_plan_decided = semua usulan diputuskan
plans-act_plan_moves_imported = mengimpor usulan dari berkas
plans-act_plan_exported = mengunduh rencana (XLSX)
plans-act_plan_audit_read = membaca jejak audit
plans-act_plan_cancelled = membatalkan rencana
plans-act_move_added = menambah usulan
plans-act_move_rule_override = meneruskan usulan meski belum memenuhi ketentuan
plans-act_move_submit = mengajukan usulan
plans-act_move_approve = menyetujui usulan
plans-act_move_reject = menolak usulan
plans-act_move_consult = mengirim konsultasi ke pegawai
plans-act_move_decree = mencatat SK
plans-act_move_change_tmt = mengubah TMT
plans-act_move_carry_out = menandai usulan dilaksanakan
plans-act_move_cancel = membatalkan usulan
plans-act_move_answered = menanggapi usulan
plans-act_move_question = bertanya tentang usulan
plans-act_move_question_answered = menjawab pertanyaan pegawai
plans-act_move_kept = mempertahankan usulan dengan alasan
plans-act_move_revised = merevisi usulan
plans-act_move_reminded = mengingatkan pegawai
plans-act_move_overdue = mencatat batas tanggapan terlewati
plans-entity_plan = rencana #{ $id }
plans-entity_move = usulan #{ $id }
plans-audit_line = { $at } · { $actor } { $action } ({ $entity })
plans-warnings_ahead =
    ⚠️ <b>Sebelum melanjutkan: usulan ini belum memenuhi ketentuan berikut</b>
    { $lines }
    { "" }
    Anda tetap dapat melanjutkan; alasannya akan ditanyakan dan dicatat di jejak audit.
plans-reason_imported_with_warning = diimpor dari berkas meski ada peringatan aturan
plans-asked_by_employee = 🙋 Diminta oleh pegawai (pilihan { $choice } di aspirasinya)
plans-asked_linked = 🙋 Usulan ini memenuhi aspirasi { $ref } (pilihan { $choice }); pegawai diberi tahu.
plans-kept_notice =
    📌 <b>Keberatan Anda atas usulan mutasi #{ $id } telah dipertimbangkan</b>
    BKPSDM mempertahankan usulan ini dengan alasan: { $reason }
    Lihat /usulan untuk rinciannya.
plans-usulan_decided =
    📌 <b>Usulan mutasi #{ $id }</b> — { $status }
    Ke: { $to_unit } — { $to_position }
    TMT: { $tmt }
    SK: { $sk }
plans-usulan_kept = Alasan BKPSDM mempertahankan usulan: { $reason }
plans-usulan_ask_until = Pertanyaan tentang mutasi ini dapat diajukan sampai { $date }.
plans-usulan_ask_closed = Pertanyaan tentang mutasi ini ditutup sejak { $date }; gunakan /tanya_bkpsdm untuk pertanyaan umum.
plans-ask_too_late = Pertanyaan tentang mutasi ini sudah ditutup (lewat 30 hari setelah TMT). Gunakan /tanya_bkpsdm.
plans-no_approver =
    ⚠️ Rencana belum dapat diajukan: belum ada PPK (pejabat yang menyetujui) selain Anda. Operator bot menambahkannya di server dengan
    <code>asn-bot admin add TELEGRAM_ID --role approver</code>
    (TELEGRAM_ID: nomor akun Telegram PPK). Anda tidak dapat menyetujui rencana yang Anda ajukan sendiri.
plans-done_before_tmt = Usulan #{ $id } baru dapat ditandai dilaksanakan mulai TMT-nya.
plans-change_notice = ↩️ Usulan #{ $id } ({ $name }) di rencana #{ $plan } { $kind ->
        [keep] dipertahankan BKPSDM meski pegawai keberatan
        [tmt] diubah TMT-nya setelah SK
       *[revise] direvisi setelah disetujui
    } dan menunggu persetujuan Anda lagi. Buka /persetujuan.
plans-change_decided_notice = ↩️ Perubahan usulan #{ $id }: { $decision ->
        [approve] ✅ disetujui PPK. { $kind ->
            [keep] SK dapat dicatat.
            [tmt] Pegawai diberi tahu TMT barunya.
           *[revise] Kirim konsultasi ulang ke pegawai dari kartu rencana.
        }
       *[reject] ❌ ditolak PPK; usulan ditolak. Lihat catatannya di kartu usulan.
    }
plans-apv_change = ↩️ <b>{ $kind ->
        [keep] Dipertahankan BKPSDM meski pegawai keberatan
        [tmt] TMT diubah setelah SK
       *[revise] Direvisi setelah disetujui
    }</b> — alasan BKPSDM: { $reason }
plans-apv_change_unit = { "   " }Unit: { $old } → { $new }
plans-apv_change_position = { "   " }Jabatan: { $old } → { $new }
plans-apv_change_tmt = { "   " }TMT: { $old } → { $new }
plans-apv_objection = ⚠️ Keberatan pegawai — { $category }: { $text }
plans-apv_own = Usulan #{ $id } Anda ajukan sendiri; PPK lain yang memutuskannya.
plans-apv_own_note = ℹ️ Usulan yang Anda ajukan sendiri tidak dapat Anda putuskan.
plans-act_move_send_back = mengirim perubahan usulan kembali ke PPK
plans-act_move_change_decided = perubahan usulan diputuskan PPK
