cmd-aspirasi = Sampaikan aspirasi mutasi
cmd-status = Status aspirasi saya
cmd-periode = Periode penjaringan aspirasi (BKPSDM)
cmd-rekap_aspirasi = Rekap dan ekspor aspirasi (BKPSDM)
menu-aspirasi = 📝 Aspirasi mutasi
menu-status = 📌 Status aspirasi
menu-periode = 🗓 Periode aspirasi
menu-rekap_aspirasi = 📊 Rekap aspirasi
asp-any_position = jabatan apa saja
asp-ask_edit_section = Bagian mana yang ingin diubah?
asp-ask_kind =
    <b>Langkah 2 dari 6 — Jenis mutasi</b>
    Mutasi seperti apa yang Anda inginkan?
asp-ask_pref =
    <b>Langkah 3 dari 6 — Pilihan ke-{ $n }</b> (maksimal { $max })
    Ketik beberapa huruf nama unit kerja/OPD tujuan, misalnya <i>kominfo</i>, <i>dinkes</i>, <i>bappeda</i>, <i>kecamatan ...</i>.
asp-pick_unit = <b>Pilihan ke-{ $n }</b>: hasil pencarian “{ $query }”. Pilih unit di bawah, atau ketik lagi untuk mencari ulang.
asp-no_match = Tidak ada unit yang cocok dengan “{ $query }”. Coba ketik nama lain atau singkatannya.
asp-ask_pos =
    <b>Pilihan ke-{ $n }: { $unit }</b>
    Jabatan yang diinginkan (boleh dilewati): ketik beberapa huruf nama jabatan, atau tekan <b>Jabatan apa saja</b>.
asp-pick_pos =
    <b>Pilihan ke-{ $n }: { $unit }</b>
    Hasil pencarian jabatan “{ $query }”. Pilih di bawah, atau ketik lagi.
asp-ask_reason_cat =
    <b>Langkah 4 dari 6 — Alasan</b>
    Apa alasan utama Anda?
asp-ask_reason_text =
    Alasan: <b>{ $category }</b>.
    Jelaskan alasan Anda secara singkat (maksimal { NUMBER($limit) } karakter).
asp-ask_relocate =
    <b>Langkah 5 dari 6 — Pindah kota</b>
    Apakah Anda bersedia ditempatkan di kota/lokasi lain?
asp-ask_relocate_note = Catatan tambahan tentang penempatan (opsional, maksimal { NUMBER($limit) } karakter). Ketik catatan, atau tekan <b>Lewati</b>.
asp-summary =
    <b>Langkah 6 dari 6 — Ringkasan aspirasi</b>
    { $answers }
    { "" }
    Periksa kembali. Tekan <b>Kirim</b> untuk mengajukan, <b>Ubah</b> untuk memperbaiki, atau <b>Batal</b> untuk membuang draf.
asp-elig_ok =
    <b>Langkah 1 dari 6 — Syarat</b>
    ✅ Berdasarkan data BKPSDM, Anda memenuhi syarat untuk mengajukan aspirasi mutasi.
asp-elig_not =
    <b>Langkah 1 dari 6 — Syarat</b>
    ⚠️ Berdasarkan data BKPSDM, Anda <b>belum memenuhi syarat</b> karena:
    { $problems }
    { "" }
    Anda tetap boleh mengajukan aspirasi; BKPSDM akan melihat catatan ini saat memeriksa.
asp-btn_continue = Lanjut ➡️
asp-btn_send = ✅ Kirim
asp-btn_edit = ✏️ Ubah
asp-btn_discard = ✖️ Batal
asp-btn_skip = Lewati
asp-btn_enough = ✅ Cukup, lanjut
asp-btn_any_position = Jabatan apa saja
asp-btn_use_text = ✍️ Pakai “{ $text }”
asp-btn_change = ✏️ Ubah aspirasi
asp-btn_withdraw = 🗑 Batalkan aspirasi
asp-btn_withdraw_yes = Ya, batalkan aspirasi
asp-yes = Ya
asp-no = Tidak
asp-sum_kind = Jenis mutasi: { $kind }
asp-sum_pref = Pilihan { $n }: { $unit } — { $position }
asp-sum_reason = Alasan: { $cat } — { $text }
asp-sum_relocate = Bersedia pindah kota: { $answer }
asp-sum_relocate_note = Catatan: { $note }
asp-use_buttons = Mohon jawab dengan menekan salah satu tombol.
asp-not_yours = Tombol ini bukan untuk Anda atau sudah tidak berlaku.
asp-resumed = Melanjutkan draf aspirasi Anda dari langkah terakhir.
asp-discarded = Draf dibuang. Aspirasi yang sudah pernah dikirim tidak berubah. Ketik /aspirasi untuk memulai lagi.
asp-sent =
    ✅ Aspirasi terkirim.
    Nomor referensi: <b>{ $ref }</b>
    Status: <b>{ $status }</b>
    Anda dapat melihat, mengubah, atau membatalkannya lewat /status selama periode masih dibuka.
asp-no_window = Saat ini tidak ada periode penjaringan aspirasi mutasi yang dibuka, dan belum ada jadwal periode berikutnya. Pantau pengumuman BKPSDM.
asp-no_window_next = Saat ini tidak ada periode penjaringan aspirasi yang dibuka. Periode berikutnya, <b>{ $name }</b>, dibuka { $start } sampai { $end }.
asp-not_for_unit = Periode “{ $name }” hanya untuk unit kerja tertentu, dan unit Anda tidak termasuk. Hubungi BKPSDM jika ini keliru.
asp-existing = Mengubah aspirasi <b>{ $ref }</b> (status: { $status }). Aspirasi yang sudah dikirim tetap berlaku sampai Anda menekan <b>Kirim</b>.
asp-final = Aspirasi <b>{ $ref }</b> sudah diputuskan (status: { $status }) dan tidak dapat diubah lagi.
asp-window_closed_edit = Periode sudah ditutup, sehingga aspirasi <b>{ $ref }</b> (status: { $status }) tidak dapat diubah lagi.
asp-window_closed_send = Maaf, periode penjaringan aspirasi sudah ditutup sehingga aspirasi tidak dapat dikirim. Draf Anda tetap disimpan.
asp-window_line = • <b>{ $name }</b>: { $start } s.d. { $end } ({ $state })
asp-status_none = Anda belum pernah mengirim aspirasi mutasi. Ketik /aspirasi untuk memulai.
asp-status_draft = 📝 Anda memiliki draf aspirasi yang belum dikirim (langkah: { $step }). Ketik /aspirasi untuk melanjutkan.
asp-card_head =
    <b>Aspirasi { $ref }</b>
    Periode: { $window }
    Status: <b>{ $status }</b>
asp-card_not_eligible = ⚠️ Belum memenuhi syarat: { $problems }
asp-card_hr_note = Catatan BKPSDM: { $note }
asp-history_head =
    { "" }
    <b>Riwayat:</b>
asp-history_line = • { $at } — { $action } ({ $status })
asp-cannot_withdraw = Aspirasi dengan status { $status } tidak dapat dibatalkan (atau periode sudah ditutup).
asp-withdraw_confirm = Batalkan aspirasi <b>{ $ref }</b>? Anda masih dapat mengajukan lagi selama periode dibuka.
asp-withdrawn = Aspirasi <b>{ $ref }</b> telah dibatalkan.
asp-notify = 🔔 Status aspirasi <b>{ $ref }</b> Anda sekarang: <b>{ $status }</b>.
asp-notify_note = Catatan BKPSDM: { $note }
asp-cli-opened = Periode #{ $id } “{ $name }” dibuka: { $start } s.d. { $end }.
asp-cli-pending_exists = Masih ada periode yang dibuka atau terjadwal (#{ $id } “{ $name }”). Tutup dulu dengan: asn-bot aspirations close
asp-cli-bad_window = Periode tidak valid: { $reason }.
asp-cli-unknown_unit = Unit tidak dikenal: { $unit }
asp-cli-no_window = Belum ada periode aspirasi.
asp-cli-closed = Periode #{ $id } “{ $name }” ditutup.
asp-cli-extended = Periode #{ $id } “{ $name }” diperpanjang sampai { $end }.
asp-cli-exported = { NUMBER($rows) } aspirasi dari periode “{ $name }” diekspor ke { $path }.
asp-cli-bad_format = Format berkas harus .xlsx atau .csv.
asp-cli-list_line = #{ $id } { $name }: { $start } s.d. { $end } ({ $state }); aspirasi: { NUMBER($count) }
aspr-no_window = Belum ada periode penjaringan aspirasi. Buka periode dengan /periode.
aspr-summary_head =
    📊 <b>Rekap aspirasi mutasi</b>
    { $window }
    Jumlah aspirasi: <b>{ NUMBER($total) }</b> (belum memenuhi syarat: { NUMBER($not_eligible) })
aspr-by_status = <b>Per status</b>
aspr-by_kind = <b>Per jenis mutasi</b>
aspr-by_reason = <b>Per alasan</b>
aspr-by_unit = <b>Per unit kerja asal</b>
aspr-by_target = <b>Per unit tujuan (pilihan 1)</b>
aspr-btn_list = 📋 Daftar aspirasi
aspr-btn_xlsx = 📥 Ekspor XLSX
aspr-btn_csv = 📄 Ekspor CSV
aspr-btn_filter_status = Saring status
aspr-btn_filter_unit = Saring unit
aspr-btn_back_list = ⬅️ Kembali ke daftar
aspr-all_statuses = Semua status
aspr-all_units = Semua unit
aspr-choose_status = Tampilkan aspirasi dengan status:
aspr-choose_unit = Tampilkan aspirasi dari unit kerja:
aspr-list_head = <b>Daftar aspirasi</b> ({ NUMBER($total) }; halaman { $page }/{ $pages }). ⚠️ = belum memenuhi syarat.
aspr-list_empty = Tidak ada aspirasi dengan saringan ini.
aspr-employee_line =
    👤 <b>{ $name }</b> — NIP { $nip }
    Jabatan: { $position }
aspr-history_line = • { $at } — { $action } oleh { $actor } ({ $status })
aspr-not_now = Aspirasi { $ref } sekarang berstatus { $status }; tindakan ini tidak dapat dilakukan.
aspr-done = Aspirasi { $ref } sekarang berstatus <b>{ $status }</b>. Pegawai sudah diberi tahu.
aspr-export_caption = Aspirasi periode “{ $name }”: { NUMBER($rows) } baris.
aper-title = 🗓 <b>Periode penjaringan aspirasi</b>
aper-none = Belum ada periode.
aper-btn_new = ➕ Buka periode baru
aper-btn_extend = ⏩ Perpanjang
aper-btn_close = ⛔ Tutup sekarang
aper-btn_close_yes = Ya, tutup periode
aper-btn_now = Mulai sekarang
aper-btn_all_units = Semua unit
aper-btn_create = ✅ Buka periode
aper-already_pending = Masih ada periode yang dibuka atau terjadwal. Tutup atau perpanjang periode itu dahulu.
aper-ask_name = Nama periode (maksimal { NUMBER($limit) } karakter), misalnya <i>Penjaringan Aspirasi Semester I 2026</i>. Ketik /cancel untuk batal.
aper-ask_start = Tanggal mulai (hari ini atau sesudahnya, waktu setempat), { dates-hint_date }; boleh dengan jam (<i>08.00</i>). Atau tekan <b>Mulai sekarang</b>.
aper-ask_end = Tanggal terakhir periode (waktu setempat), { dates-hint_date }; periode dibuka sampai akhir hari itu.
aper-ask_units = Batasi untuk unit tertentu? Ketik nama atau singkatan unit dipisah koma (misalnya <i>dinkes, kominfo</i>), atau tekan <b>Semua unit</b>.
aper-unknown_units = Unit tidak dikenali: { $units }. Ketik lagi, atau tekan Semua unit.
aper-all_units = semua unit
aper-confirm =
    <b>Periode baru</b>
    Nama: { $name }
    Mulai: { $start }
    Selesai: { $end }
    Unit: { $units }
    { "" }
    Buka periode ini?
aper-created =
    ✅ Periode dibuka.
    { $line }
aper-ask_extend = Periode <b>{ $name }</b> berakhir { $end }. Ketik tanggal akhir yang baru, { dates-hint_date }.
aper-extended =
    ✅ Periode diperpanjang.
    { $line }
aper-close_confirm = Tutup periode <b>{ $name }</b> sekarang? Pegawai tidak dapat lagi mengirim atau mengubah aspirasi.
aper-closed = Periode <b>{ $name }</b> ditutup.
asp-kind-rotation = Rotasi di dalam unit kerja
asp-kind-other_unit = Pindah ke OPD/unit lain
asp-kind-out = Pindah ke luar instansi
asp-kind-other = Lainnya
asp-reason-family = Mengikuti suami/istri/keluarga
asp-reason-health = Alasan kesehatan
asp-reason-career = Pengembangan karier
asp-reason-competence = Kesesuaian kompetensi
asp-reason-workload = Beban kerja
asp-reason-other = Lainnya
asp-status-draft = Draf
asp-status-submitted = Diajukan
asp-status-verified = Diverifikasi
asp-status-returned = Dikembalikan
asp-status-accepted = Diterima untuk ditindaklanjuti
asp-status-rejected = Ditolak
asp-status-withdrawn = Dibatalkan
asp-problem-tmt_unknown = TMT jabatan Anda tidak tercatat di data BKPSDM, sehingga masa jabatan belum dapat dihitung.
asp-problem-too_short = Masa dalam jabatan sekarang baru { NUMBER($years) } tahun { NUMBER($months) } bulan (TMT { $tmt }); syarat minimal { NUMBER($min_years) } tahun, terpenuhi mulai { $due }.
asp-problem-sanction = Tercatat sedang menjalani hukuman disiplin.
asp-problem-study_leave = Tercatat sedang tugas belajar.
asp-problem-freeze = Sedang masa pembekuan mutasi ({ $from } s.d. { $until }).
asp-problem_short-tmt_unknown = TMT jabatan tidak tercatat
asp-problem_short-too_short = masa jabatan kurang
asp-problem_short-sanction = hukuman disiplin
asp-problem_short-study_leave = tugas belajar
asp-problem_short-freeze = masa pembekuan mutasi
asp-window_state-open = dibuka
asp-window_state-upcoming = belum dibuka
asp-window_state-ended = sudah berakhir
asp-window_state-closed = ditutup
asp-section-kind = Jenis mutasi
asp-section-prefs = Pilihan unit/jabatan
asp-section-reason = Alasan
asp-section-relocate = Kesediaan pindah kota
asp-step-elig = pemeriksaan syarat
asp-step-kind = jenis mutasi
asp-step-pref = pilihan unit
asp-step-pos = pilihan jabatan
asp-step-reason_cat = kategori alasan
asp-step-reason_text = uraian alasan
asp-step-relocate = kesediaan pindah kota
asp-step-relocate_note = catatan pindah kota
asp-step-summary = ringkasan
asp-step-edit = ubah isian
asp-action-submit = Diajukan
asp-action-resubmit = Diajukan ulang
asp-action-change = Diubah
asp-action-withdraw = Dibatalkan oleh pegawai
asp-action-verify = Diverifikasi
asp-action-return = Dikembalikan untuk perbaikan
asp-action-accept = Diterima untuk ditindaklanjuti
asp-action-reject = Ditolak
asp-notify_next-verify = Data aspirasi Anda sudah diperiksa BKPSDM.
asp-notify_next-return = Silakan perbaiki lewat /aspirasi lalu tekan Kirim lagi.
asp-notify_next-accept = Tindak lanjut akan disampaikan BKPSDM.
asp-notify_next-reject = Jika ada pertanyaan, hubungi BKPSDM.
asp-notify_next-withdraw = Lihat /status untuk rinciannya.
asp-changed_meanwhile = Status aspirasi <b>{ $ref }</b> baru saja berubah menjadi <b>{ $status }</b>, sehingga isian ini tidak dikirim. Lihat /status untuk rinciannya.
aspr-btn_verify = ☑️ Verifikasi
aspr-btn_return = ↩️ Kembalikan untuk perbaikan
aspr-btn_accept = ✅ Terima untuk ditindaklanjuti
aspr-btn_reject = ⛔ Tolak
aspr-ask_note_return = Tulis catatan perbaikan untuk { $ref } (maksimal { $limit } karakter). Catatan ini dikirim ke pegawai. Ketik /cancel untuk batal.
aspr-ask_note_reject = Tulis alasan penolakan { $ref } (maksimal { $limit } karakter). Alasan ini dikirim ke pegawai. Ketik /cancel untuk batal.
aper-err_end_before_start = Tanggal akhir harus sesudah tanggal mulai.
aper-err_end_in_past = Tanggal akhir sudah lewat. Masukkan tanggal yang akan datang.
asp-step-prefs = daftar pilihan unit/jabatan
asp-action-undo = Keputusan diurungkan
asp-missing-kind = jenis mutasi
asp-missing-prefs = pilihan unit/jabatan (minimal satu)
asp-missing-reason = alasan (kategori dan uraian)
asp-missing-relocate = kesediaan pindah kota
asp-btn_pref_replace = 🔁 Ganti pilihan { $n }
asp-btn_pref_remove = 🗑 Hapus pilihan { $n }
asp-btn_pref_add = ➕ Tambah pilihan
asp-btn_prefs_done = ✅ Selesai
asp-prefs_none = (belum ada pilihan)
asp-prefs_edit =
    <b>Pilihan unit/jabatan Anda saat ini</b> (maksimal { $max }):
    { $choices }
    { "" }
    Ganti atau hapus pilihan, tambahkan pilihan baru, lalu tekan <b>Selesai</b>.
asp-sum_missing = ⚠️ Belum diisi: { $sections }
asp-summary_editing =
    <b>Perubahan aspirasi { $ref }</b> (belum dikirim)
    { $answers }
    { "" }
    Tekan <b>Kirim</b> untuk mengirim perubahan, <b>Ubah</b> untuk memperbaiki, atau <b>Batalkan perubahan</b>; aspirasi { $ref } yang sudah dikirim tetap berlaku tanpa perubahan ini.
asp-btn_discard_changes = ✖️ Batalkan perubahan
asp-discarded_changes = Perubahan dibuang. Aspirasi <b>{ $ref }</b> tetap seperti yang terakhir Anda kirim; lihat /status.
asp-incomplete_fields = Aspirasi belum dapat dikirim karena belum diisi: <b>{ $sections }</b>. Pilih bagian yang akan dilengkapi:
asp-stale_step = Tombol ini dari langkah sebelumnya dan sudah tidak berlaku. Jawab pertanyaan terakhir, atau ketik /aspirasi untuk menampilkannya lagi.
asp-stale_paused = Tombol ini sudah tidak berlaku. Draf aspirasi Anda tersimpan; ketik /aspirasi untuk melanjutkan.
asp-stale_none = Tombol ini sudah tidak berlaku. Ketik /aspirasi untuk menyampaikan aspirasi.
asp-stale_sent = Tombol ini sudah tidak berlaku. Aspirasi { $ref } sudah dikirim (status: { $status }); lihat /status.
asp-status_changing = ✏️ Anda sedang mengubah aspirasi <b>{ $ref }</b> (langkah: { $step }); perubahan belum dikirim. Aspirasi yang sudah dikirim tetap berlaku. Ketik /aspirasi untuk melanjutkan perubahan.
asp-status_changes_dropped = Perubahan yang belum dikirim untuk aspirasi <b>{ $ref }</b> dibuang karena aspirasi itu tidak dapat diubah lagi (status: { $status }).
asp-already_withdrawn = Aspirasi ini sudah dibatalkan sebelumnya. Ketik /aspirasi untuk mengajukan lagi selama periode dibuka.
aspr-btn_next_item = ➡️ Aspirasi berikutnya
aspr-confirm_accept = ✅ <b>Terima aspirasi berikut untuk ditindaklanjuti?</b> Pegawai akan diberi tahu; keputusan ini final setelah pemberitahuan terkirim.
aspr-btn_accept_yes = ✅ Ya, terima
aspr-btn_undo = ↩️ Urungkan
aspr-done_undo = Aspirasi { $ref } sekarang berstatus <b>{ $status }</b>. Pemberitahuan kepada pegawai dikirim dalam { NUMBER($minutes) } menit; sampai saat itu Anda dapat mengurungkannya.
aspr-undo_too_late = Keputusan atas aspirasi { $ref } tidak dapat diurungkan lagi: pemberitahuan sudah dikirim atau statusnya sudah berubah (sekarang: { $status }).
aspr-undone = ↩️ Keputusan diurungkan. Aspirasi { $ref } kembali berstatus <b>{ $status }</b>; pegawai tidak diberi tahu.
aspr-btn_open_again = 🔎 Buka aspirasi ini lagi
aspr-done_not_told = Aspirasi { $ref } sekarang berstatus <b>{ $status }</b>. Pegawai belum terhubung ke bot, sehingga tidak diberi tahu lewat bot; sampaikan lewat jalur lain.
asp-own_unit = Itu unit kerja Anda sendiri. Untuk pindah di dalam unit sendiri pilih jenis <b>Rotasi di dalam unit kerja</b>; di sini ketik unit tujuan yang lain.
asp-same_choice = Pilihan ini (unit dan jabatan yang sama) sudah ada. Pilih jabatan lain, atau tekan Cukup, lanjut.
asp-did_you_mean = Maksud Anda <b>{ $name }</b>?
asp-open_position = 🟢 { $title } (lowong)
asp-open_marked = 🟢 = jabatan lowong yang sedang dibuka di unit ini.
asp-status-planned = Masuk rencana mutasi
asp-status-decreed = Ditetapkan dengan SK
asp-status-not_taken = Tidak ditindaklanjuti
asp-action-include = Dimasukkan ke rencana mutasi
asp-action-decree = Ditetapkan dengan SK
asp-action-not_take = Tidak ditindaklanjuti (usulan ditolak atau dibatalkan)
aspp-notice_include = Pilihan Anda ({ $unit } — { $position }) dimasukkan BKPSDM ke rencana mutasi dengan usulan TMT { $tmt }. Usulan ini masih harus disetujui; BKPSDM akan meminta tanggapan Anda.
aspp-notice_decree = Mutasi sesuai aspirasi Anda ({ $unit } — { $position }) telah ditetapkan dengan SK, TMT { $tmt }.
aspp-notice_not_take = Usulan mutasi ke { $unit } — { $position } tidak dilanjutkan. Aspirasi Anda tetap tercatat; hubungi BKPSDM jika ada pertanyaan.
aspp-asked = 🙋 Pegawai ini meminta unit/jabatan ini di aspirasi { $ref }: pilihan { $choice }, alasan { $reason } (status: { $status }).
aspp-asked_flag = 🙋 pilihan { $choice } ({ $reason })
aspp-btn_plan = 📋 Ke rencana: pilihan { $n } — { $unit } / { $position }
aspp-btn_new_plan = ➕ Rencana baru
aspp-pick_plan = Masukkan pilihan { $choice } dari aspirasi { $ref } ke rencana mana?
aspp-intro = 📋 Usulan dari aspirasi { $ref } (pilihan { $choice }): <b>{ $name }</b> ke { $unit } — { $position }, dalam rencana <b>{ $plan }</b>.
aspp-not_plannable = Aspirasi { $ref } berstatus { $status }; hanya aspirasi yang diterima yang dapat dimasukkan ke rencana.
