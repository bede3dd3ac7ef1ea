cmd-isi_survei = Isi survei yang menunggu jawaban Anda
cmd-survei = Daftar survei (BKPSDM)
cmd-hasil_survei = Hasil survei kepuasan (BKPSDM)
menu-isi_survei = 📋 Isi survei
menu-survei = 🗂 Daftar survei
menu-hasil_survei = 📊 Hasil survei
survey-btn_start = ▶️ Mulai survei
survey-invite =
    📋 <b>{ $title }</b>
    Anda diundang mengisi survei ini ({ NUMBER($count) } pertanyaan, ± 5 menit).
    { $anonymity }
    Batas pengisian: { $deadline }. Tekan tombol di bawah atau ketik /isi_survei.
survey-anon_yes = 🔒 Survei ini <b>anonim</b>: jawaban disimpan tanpa nama, NIP, atau akun Telegram Anda, dan hasil hanya ditampilkan untuk kelompok yang cukup besar.
survey-anon_no = 👤 Survei ini <b>tidak anonim</b>: jawaban disimpan bersama nama Anda agar BKPSDM dapat menindaklanjuti.
survey-reminder = ⏰ Pengingat: Anda belum menyelesaikan <b>{ $title }</b>. Batas pengisian: { $deadline }.
survey-closed_notice = Survei <b>{ $title }</b> telah ditutup. Terima kasih atas perhatian Anda.
survey-intro =
    <b>{ $title }</b>
    { $intro }
    { "" }
    { $anonymity }
survey-progress = Pertanyaan { $n }/{ $total }
survey-optional = { " " }<i>(opsional)</i>
survey-type_answer = ✍️ Ketik jawaban Anda (maks. { NUMBER($limit) } karakter).
survey-scale_hint = 0 = sama sekali tidak mungkin · 10 = sangat mungkin
survey-multi_hint = Pilih satu atau lebih, lalu tekan Selesai memilih.
survey-previous = Jawaban sebelumnya: { $answer }
survey-likert =
    { $value ->
        [1] Sangat Tidak Setuju
        [2] Tidak Setuju
        [3] Netral
        [4] Setuju
        [5] Sangat Setuju
       *[other] { $value }
    }
survey-btn_back = ⬅️ Kembali
survey-btn_skip = ⏭ Lewati
survey-btn_done = ✅ Selesai memilih
survey-btn_send = 📨 Kirim
survey-btn_edit = ✏️ Ubah
survey-summary_title =
    <b>Ringkasan jawaban Anda</b>
    Periksa, lalu tekan Kirim. Setelah dikirim, jawaban tidak dapat diubah.
survey-skipped = (dilewati)
survey-thanks = ✅ Terima kasih! Jawaban Anda telah tersimpan.
survey-already_done = Anda sudah mengisi survei ini. Terima kasih — setiap pegawai mengisi satu kali per putaran.
survey-closed = Mohon maaf, survei ini sudah ditutup sehingga jawaban tidak dapat diterima lagi. Terima kasih atas kesediaan Anda.
survey-cancelled = Survei ini dibatalkan dan tidak perlu diisi.
survey-not_yours = Tombol ini bukan untuk Anda atau sudah tidak berlaku.
survey-not_current = Tombol itu untuk pertanyaan lain. Silakan jawab pertanyaan yang sedang ditampilkan.
survey-resumed = ↩️ Melanjutkan survei dari pertanyaan terakhir.
survey-none_open = Tidak ada survei yang perlu Anda isi saat ini.
survey-open_list = Survei yang menunggu jawaban Anda:
survey-err_not_number = Mohon jawab dengan angka { $low }–{ $high } (tekan salah satu tombol).
survey-err_range = Nilai harus antara { $low } dan { $high }.
survey-err_option = Pilihan tidak dikenal.
survey-err_pick_one = Pilih minimal satu, atau tekan Lewati.
survey-err_empty = Jawaban kosong.
survey-err_too_long = Jawaban terlalu panjang ({ NUMBER($length) } karakter, maks. { NUMBER($limit) }).
survey-err_use_buttons = Untuk pertanyaan ini, gunakan tombol di bawah pertanyaan.
survey-err_required = Pertanyaan ini wajib dijawab.
survey-hr_list_title = <b>Daftar survei</b>
survey-hr_list_item = #{ $id } <b>{ $title }</b> — { $anon }, { NUMBER($questions) } pertanyaan, { $trigger }, { NUMBER($responses) } jawaban
survey-hr_none = Belum ada survei. Muat definisi dengan: asn-bot survey import FILE.yaml
survey-anon_short = anonim
survey-named_short = bernama
survey-trigger_move = otomatis setelah mutasi (TMT + { $offsets } hari)
survey-trigger_manual = dikirim manual
survey-btn_results = 📊 Hasil #{ $id }
survey-pick_survey = Pilih survei:
survey-unknown_survey = Survei tidak ditemukan.
survey-res_title = 📊 <b>Hasil: { $title }</b>
survey-res_rate = Diundang: { NUMBER($invited) } · Mulai: { NUMBER($started) } · Selesai: { NUMBER($finished) } ({ $percent }%)
survey-res_hidden_all = Baru { NUMBER($n) } jawaban; hasil ditampilkan setelah minimal { NUMBER($min) } jawaban (menjaga anonimitas).
survey-res_mean = { " " }· rerata { $mean }
survey-res_enps = { " " }· eNPS { $enps }
survey-res_by_unit = <b>Per unit</b> (min. { NUMBER($min) } jawaban per kelompok)
survey-res_by_round = <b>Per putaran</b>
survey-res_hidden_units = { NUMBER($count) } unit dengan kurang dari { NUMBER($min) } jawaban (atau yang disembunyikan agar unit kecil tidak dapat dihitung dari selisih) tidak ditampilkan tersendiri.
survey-res_question_hidden = (disembunyikan: kurang dari { NUMBER($min) } jawaban)
survey-res_waiting = { NUMBER($count) } jawaban anonim menunggu dipublikasikan: hasil bertambah per minimal { NUMBER($min) } jawaban dari satu unit (menjaga anonimitas).
survey-res_comments = <b>Komentar</b> — { $question }
survey-group_other = Lainnya (digabung)
survey-round_label = TMT+{ $days } hari
survey-btn_charts = 🖼 Grafik
survey-btn_xlsx = 📥 XLSX
survey-btn_followup = 📋 Tindak lanjut
survey-chart_dist_title = Distribusi jawaban — { $title }
survey-chart_unit_title = Rerata per unit — { $question }
survey-chart_caption = Grafik survei: { $title }
survey-xlsx_caption = Rekap survei: { $title }
survey-no_charts = Belum cukup jawaban untuk grafik (min. { $min }).
survey-followup_title = Pegawai dengan kepuasan rendah (≤ { $max }) untuk dihubungi:
survey-followup_line = • { $name } ({ $nip }) — { $round }: { $score }
survey-followup_none = Tidak ada pegawai dengan kepuasan rendah.
survey-followup_anonymous = Survei anonim: daftar nama tidak tersedia. Pegawai yang setelah mengisi survei meminta dihubungi ada di /tindak_lanjut.
survey-yes = ya
survey-no = tidak
survey-xlsx_field = Keterangan
survey-xlsx_value = Nilai
survey-xlsx_title = Judul
survey-xlsx_anonymous = Anonim
survey-xlsx_invited = Diundang
survey-xlsx_started = Mulai mengisi
survey-xlsx_finished = Selesai
survey-xlsx_rate = Tingkat respons (%)
survey-xlsx_min_group = Ukuran kelompok minimum
survey-xlsx_hidden_units = Unit tidak ditampilkan
survey-xlsx_waiting = Jawaban anonim menunggu publikasi
survey-xlsx_group = Kelompok
survey-xlsx_question_key = Kode
survey-xlsx_question = Pertanyaan
survey-xlsx_mean = Rerata
survey-xlsx_distribution = Distribusi
survey-xlsx_comment = Komentar
survey-xlsx_name = Nama
survey-xlsx_round = Putaran
survey-cli_imported = Survei #{ $id } ({ $slug }): { $status }
survey-cli_invalid = Definisi survei tidak valid: { $error }
survey-cli_anon_fixed = Survei { $slug }: sifat anonim/bernama ditetapkan saat dibuat dan tidak dapat diubah.
survey-cli_list_line = #{ $id } { $slug } — { $title } [{ $anon }, { $trigger }, v{ $version }, { NUMBER($responses) } jawaban]
survey-cli_none = Belum ada survei.
survey-cli_unknown = Survei #{ $id } tidak ditemukan.
survey-cli_sent = Putaran #{ $round } survei #{ $id } dijadwalkan { $when } untuk { NUMBER($count) } penerima; ditutup { $closes }.
survey-status =
    { $status ->
        [created] dibuat
        [updated] diperbarui
        [unchanged] tidak berubah
       *[other] { $status }
    }
survey-btn_send_to = 📤 Kirim #{ $id }
survey-send_choose_audience = 📤 Kirim <b>{ $title }</b> kepada siapa?
survey-aud_all = 👥 Semua pegawai
survey-aud_units = Unit kerja tertentu
survey-aud_role = Menurut peran
survey-role_hr = Petugas BKPSDM
survey-role_approver = PPK (Pejabat Pembina Kepegawaian)
survey-role_employee = Semua pegawai terdaftar
survey-send_choose_role = Pilih peran penerima:
survey-send_ask_unit = 🏢 Ketik beberapa huruf nama unit kerja (mis. dinkes, kominfo). Unit terpilih: { $chosen }
survey-send_unit_matches = Pilih unit yang dimaksud (tekan untuk menambah/menghapus). Terpilih: { $chosen }
survey-send_unit_none = Tidak ada unit yang cocok dengan "{ $query }". Coba kata lain.
survey-btn_units_done = ✅ Selesai memilih unit
survey-send_no_units = Belum ada unit yang dipilih. Ketik nama unit terlebih dahulu.
survey-send_no_recipients = ⚠️ Tidak ada penerima yang dapat dihubungi untuk pilihan ini. Pilih penerima lain dengan tombol di atas.
survey-send_confirm =
    📋 Survei #{ $id } — penerima: <b>{ NUMBER($count) }</b> pegawai yang sudah terhubung ke bot ({ $audience }).
    Kirim sekarang atau jadwalkan?
survey-btn_send_now = 📨 Kirim sekarang
survey-btn_send_later = 🗓 Jadwalkan
survey-btn_abort = ✖️ Batal
survey-send_aborted = Pengiriman survei dibatalkan.
survey-send_ask_when = 🗓 Ketik tanggal dan jam pengiriman (waktu setempat), { dates-hint_datetime }.
survey-send_past = ⚠️ Waktu itu sudah lewat. Ketik waktu yang akan datang, mis. <i>besok jam 8</i>.
survey-send_done_now = ✅ Putaran #{ $round } survei #{ $id } dikirim sekarang kepada { NUMBER($count) } penerima; ditutup { $closes }.
survey-send_done_later = 🗓 Putaran #{ $round } survei #{ $id } dijadwalkan { $when } untuk { NUMBER($count) } penerima (dihitung ulang saat dikirim); ditutup { $closes }.
survey-send_stale = Tombol ini sudah tidak berlaku. Mulai lagi dari /survei.
survey-send_use_buttons = Gunakan tombol di atas, atau /cancel untuk membatalkan.
survey-export_anon_note = Jawaban survei anonim disimpan tanpa nama, NIP, atau akun Telegram, sehingga tidak dapat ditelusuri kembali kepada Anda dan tidak termasuk dalam ekspor ini; yang tercatat hanya bahwa Anda sudah mengisi.
