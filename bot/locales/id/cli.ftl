cli-admin-granted = { $telegram_id }: peran { $role } diberikan.
cli-admin-already = { $telegram_id }: sudah memiliki peran { $role }.
cli-admin-menu_note = Bot yang sedang berjalan memperbarui menu perintah pengguna ini saat ia mengetik /start atau /help berikutnya.
cli-admin-none = Belum ada pemegang peran (ADMIN_TELEGRAM_IDS ditambahkan saat bot dijalankan).
cli-admin-row = { $telegram_id }	{ $role }	(diberikan oleh { $by })
cli-admin-removed = { NUMBER($count) } peran dicabut dari { $telegram_id }.
cli-backup-done = Cadangan ditulis ke { $file } ({ NUMBER($kib) } KiB), integritas diperiksa.
cli-backup-failed = Pencadangan gagal: { $reason }
cli-backup-postgres = DATABASE_URL adalah PostgreSQL: cadangkan dengan pg_dump (lihat docs/deploy.md).
cli-db-upgraded = Skema basis data sudah pada revisi { $revision }.
cli-demo-failed = ❌ Skrip demo gagal: { $error }
cli-demo-finished = ✅ Skrip demo selesai dalam { NUMBER($seconds) } detik.
cli-demo-started = Demo: { NUMBER($employees) } pegawai Kabupaten Sukamaju, emulator { $url }
cli-demo-help =
    Ketik pesan untuk bot (angka juga dikirim sebagai teks, misalnya NIP atau nomor HP).
    #1, #2, … menekan tombol bernomor pada pesan terakhir yang bertombol.
    Perintah demo:
      :hr — jadi petugas BKPSDM        :ppk — jadi PPK
      :pegawai — jadi pegawai 1        :pegawai 2 — jadi pegawai lain (nomor 1–300)
      :maju 30 hari / :maju 2 jam — majukan jam demo; yang jatuh tempo dikirim
      :bantuan — teks ini              :keluar — selesai
cli-demo-you_are = Anda: { $name } (nomor HP di roster: { $phone }). Mulai dengan /start
cli-demo-switched = Sekarang sebagai { $name }.
cli-demo-no_button = Tidak ada tombol nomor { $number }.
cli-unlink-done = Tautan akun dilepas: { $name } (NIP { $nip }, { $unit }).
cli-demo-unknown_command = Perintah demo tidak dikenal: { $line }. Ketik :bantuan.
cli-demo-jumped = ⏩ Jam demo sekarang { $when }; { NUMBER($count) } kiriman terjadwal dijalankan.
cli-demo-published = (Jawaban anonim dipublikasikan dalam kelompok acak. Demo memakai ambang anonimitas { $min } agar hasil lima orang di lima unit terlihat; di kantor sungguhan SURVEY_MIN_GROUP bawaannya 5.)
cli-demo-step-registration_and_profile = Pegawai mendaftar dengan nomor HP, mengisi keahlian, dan mengganti bahasa.
cli-demo-step-hr_tools = BKPSDM mengundang pegawai yang belum terhubung dan mengimpor berkas roster.
cli-demo-step-positions_and_window = BKPSDM mengimpor jabatan lowong dari berkas dan membuka periode aspirasi.
cli-demo-step-recommendation_and_aspiration = Pegawai melihat rekomendasi jabatan dan mengirim aspirasi mutasi.
cli-demo-step-hr_review = BKPSDM meninjau aspirasi dan menerimanya untuk ditindaklanjuti; setelah waktu urungkan lewat, pegawai diberi tahu.
cli-demo-step-plan_with_moves = BKPSDM menyusun rencana: /kandidat menandai pegawai yang meminta jabatan itu (🙋), satu ketukan memasukkannya ke rencana; empat usulan lain dari berkas.
cli-demo-step-approval = BKPSDM mengajukan rencana; PPK menyetujui setiap usulan.
cli-demo-step-consultation = Konsultasi: pegawai 1 bertanya, pegawai 2 keberatan, yang lain setuju.
cli-demo-step-decree = BKPSDM mempertahankan usulan yang dikeberatani dengan alasan dan mencatat SK (TMT).
cli-demo-step-socialization = Jam demo maju: pesan sosialisasi tiba sebelum dan sesudah TMT.
cli-demo-step-carried_out = TMT sudah lewat: BKPSDM menandai mutasi dilaksanakan; data kepegawaian dan riwayat jabatan pegawai ikut berubah.
cli-demo-step-survey = TMT + 30 hari: survei kepuasan anonim tiba; kelima pegawai yang dimutasi mengisinya, dan pegawai 1 bersedia dihubungi BKPSDM.
cli-demo-step-followup = Tindak lanjut: jawaban "boleh dihubungi" menjadi kasus bernama (terpisah dari jawaban survei); BKPSDM mencatat tindakan dan menutupnya.
cli-demo-step-results = BKPSDM membaca hasil survei dan grafiknya (disimpan sebagai PNG).
cli-demo-step-announcement = BKPSDM mengirim pengumuman kepada semua pegawai dan membaca laporan pengiriman.
cli-demo-also_approved = (… PPK juga menyetujui usulan #2–#5.)
cli-demo-also_agreed = (… pegawai { $who } menekan Setuju.)
cli-demo-also_decreed = (… BKPSDM juga mencatat SK usulan #2–#5.)
cli-demo-also_answered = (… pegawai 2–5 juga mengisi survei.)
cli-demo-edited = (diubah)
cli-status-title = Status asn-bot, { $when }
cli-status-schema_current = Basis data: terhubung, skema terbaru ({ $revision }).
cli-status-schema_outdated = Basis data: terhubung, skema di { $revision } padahal versi ini memerlukan { $head }: jalankan `asn-bot db upgrade`.
cli-status-instances_unknown = Instans: tidak ada yang aktif (tidak ada lease yang berlaku; apakah bot berjalan?)
cli-status-instances = Instans aktif: { NUMBER($count) }
cli-status-instance = - { $name } ({ $detail }), terakhir terlihat { $when }{ $sending ->
    [yes] , pengirim outbox
   *[no] {""}
}
cli-status-outbox = Kotak keluar: { NUMBER($pending) } menunggu, { NUMBER($claimed) } diambil, { NUMBER($sending) } sedang dikirim; { NUMBER($failed) } gagal, { NUMBER($uncertain) } tidak pasti, { NUMBER($unreachable) } tak terjangkau.
cli-status-upcoming_none = Jadwal berikutnya: tidak ada.
cli-status-upcoming = Jadwal berikutnya:
cli-status-upcoming_item = - { $when }: { $kind } #{ $ref }
cli-status-last_error_none = Galat pengiriman terakhir: tidak ada.
cli-status-last_error = Galat pengiriman terakhir: { $status } ({ $error }), { $when }.
