common-not_allowed = ⛔ Maaf, perintah ini hanya untuk petugas yang berwenang. Jika menurut Anda ini keliru, hubungi BKPSDM.
common-register_first = Akun Telegram Anda belum terhubung dengan data kepegawaian. Ketik /start untuk mendaftar.
common-stale_button = Tombol ini sudah tidak berlaku. Buka menu lagi dengan /menu.
common-private_only = Silakan gunakan bot ini lewat chat pribadi.
common-private_only_link = Bot ini hanya melayani lewat chat pribadi demi menjaga kerahasiaan data Anda. Buka chat dengan @{ $username } lalu ketik /start.
common-error = ⚠️ Terjadi kesalahan saat memproses pesan Anda. Tidak ada data yang hilang; silakan coba lagi sebentar lagi. Jika berulang, hubungi BKPSDM.
common-no_conversation = Saya tidak sedang menunggu jawaban dari Anda. Ketik /menu untuk melihat apa yang bisa dilakukan, atau /help untuk bantuan.
common-cancelled_draft_kept = Dibatalkan. Isian Anda sejauh ini disimpan sebagai draf; ketik { $command } untuk melanjutkan.
common-cancelled = Dibatalkan. Ketik /menu untuk kembali ke menu utama.
common-expect_text = Mohon jawab dengan mengetik teks (bukan foto, stiker, atau berkas).
common-text_empty = Jawaban tidak boleh kosong. Silakan ketik lagi.
common-text_too_long = Teks terlalu panjang ({ NUMBER($length) } karakter). Batasnya { NUMBER($limit) } karakter; mohon persingkat lalu kirim lagi.
common-timeout_draft_kept = ⏱ Percakapan dihentikan karena tidak ada aktivitas. Isian Anda disimpan sebagai draf; ketik { $command } untuk melanjutkan.
common-timeout = ⏱ Percakapan dihentikan karena tidak ada aktivitas. Ketik /menu untuk memulai lagi.
common-nothing_to_cancel = Tidak ada percakapan yang sedang berjalan. Ketik /menu untuk melihat menu.
common-btn_back = ⬅️ Kembali
common-btn_cancel = ✖️ Batal
common-btn_send = ✅ Kirim
common-btn_main_menu = 🏠 Menu Utama
common-btn_next = Berikutnya ➡️
common-btn_prev = ⬅️ Sebelumnya
reg-welcome =
    Selamat datang di layanan konsultasi mutasi BKPSDM 👋
    Lewat bot ini Anda dapat menyampaikan aspirasi mutasi, menanggapi usulan mutasi, dan mengisi survei kepuasan.
reg-consent =
    <b>Persetujuan pemrosesan data pribadi (UU PDP)</b>
    { "" }
    Data yang disimpan: ID Telegram Anda, nomor telepon yang Anda bagikan (hanya untuk dicocokkan dengan data kepegawaian), keahlian yang Anda isi sendiri, serta jawaban Anda di bot ini.
    Tujuan: layanan mutasi dan evaluasi kepegawaian.
    Yang dapat melihat: petugas BKPSDM dan PPK, sesuai tugasnya.
    Anda dapat mengunduh data Anda dan memutuskan akun kapan saja lewat /profil.
    { "" }
    Apakah Anda setuju?
reg-consent_yes = ✅ Saya setuju
reg-consent_no = Tidak setuju
reg-consent_declined = Tanpa persetujuan, bot tidak dapat memproses data Anda. Jika berubah pikiran, ketik /start.
reg-consent_thanks = Terima kasih atas persetujuan Anda.
reg-press_consent = Mohon jawab pertanyaan persetujuan dengan menekan salah satu tombol di atas, atau ketik /start untuk menampilkannya lagi.
reg-ask_contact =
    Untuk menghubungkan akun, tekan tombol <b>Bagikan nomor telepon saya</b> di bawah. Nomor akan dicocokkan dengan data kepegawaian di BKPSDM.
    Jika nomor Anda berbeda dengan data BKPSDM, mintalah tautan undangan kepada BKPSDM.
reg-share_contact_button = 📱 Bagikan nomor telepon saya
reg-press_contact_button = Mohon gunakan tombol <b>Bagikan nomor telepon saya</b> di bawah kolom ketik (jangan mengetik nomor secara manual).
reg-not_own_contact = Kontak yang dibagikan bukan milik akun Telegram Anda. Tekan tombol <b>Bagikan nomor telepon saya</b> untuk membagikan nomor Anda sendiri.
reg-foreign_phone = Nomor yang Anda bagikan bukan nomor Indonesia (+62). Hanya nomor seluler Indonesia yang tercatat di data kepegawaian yang dapat dipakai. Jika Anda memakai nomor luar negeri, mintalah tautan undangan kepada BKPSDM.
reg-unknown_phone = Nomor telepon Anda tidak ditemukan di data kepegawaian, atau sudah terhubung ke akun lain. Hubungi BKPSDM untuk memperbarui nomor Anda atau meminta tautan undangan.
reg-ambiguous_phone = Nomor telepon ini tercatat pada lebih dari satu pegawai. Hubungi BKPSDM untuk meminta tautan undangan.
reg-invite_unknown = Kode undangan tidak dikenal. Periksa tautan dari BKPSDM atau minta tautan baru.
reg-invite_expired = Kode undangan sudah kedaluwarsa. Mintalah tautan undangan baru kepada BKPSDM.
reg-invite_used = Kode undangan ini sudah pernah dipakai. Mintalah tautan undangan baru kepada BKPSDM.
reg-invite_already_linked = Data pegawai untuk kode ini sudah terhubung ke akun Telegram lain. Hubungi BKPSDM.
reg-already_linked = Akun Anda sudah terhubung. Tautan undangan tidak diperlukan lagi.
reg-linked = ✅ Akun terhubung. Selamat datang, <b>{ $name }</b>!
reg-locked = Terlalu banyak percobaan yang gagal. Silakan coba lagi dalam { $minutes } menit, atau hubungi BKPSDM.
menu-title =
    🏠 <b>Menu utama</b>
    Pilih layanan:
help-title = <b>Yang dapat Anda lakukan:</b>
help-not_registered =
    { "" }
    Anda belum terdaftar: ketik /start untuk menghubungkan akun dengan data kepegawaian.
lang-choose = Pilih bahasa / Choose a language:
lang-changed = Bahasa diubah ke Bahasa Indonesia.
cmd-start = Mulai dan daftar
cmd-menu = Menu utama
cmd-help = Bantuan
cmd-cancel = Batalkan percakapan
cmd-bahasa = Ganti bahasa
cmd-profil = Profil dan keahlian saya
menu-profil = 👤 Profil saya
profile-card =
    👤 <b>{ $name }</b>
    NIP: { $nip }
    Unit kerja (OPD): { $unit }
    Jabatan: { $position }
    Golongan: { $rank }
    Pendidikan: { $education }
    TMT jabatan: { $tmt }
profile-roster_skills = Keahlian menurut data BKPSDM: { $skills }
profile-declared_header =
    { "" }
    <b>Keahlian & sertifikasi yang Anda isi sendiri</b> (dinyatakan sendiri):
profile-declared_none =
    { "" }
    Anda belum menambahkan keahlian atau sertifikasi sendiri.
profile-btn_add_skill = ➕ Keahlian
profile-btn_add_cert = ➕ Sertifikasi
profile-btn_manage = ✏️ Ubah / hapus
profile-btn_export = 📥 Unduh data saya
profile-btn_unlink = 🔌 Lepas tautan akun
profile-ask_text = Ketik keahlian atau sertifikasi Anda (maksimal { NUMBER($limit) } karakter). Contoh: <i>jaringan komputer, pengelolaan arsip</i>. Ketik /cancel untuk batal.
profile-too_many = Anda sudah mengisi { NUMBER($limit) } butir. Hapus salah satu dahulu lewat tombol Ubah / hapus.
profile-saved = ✅ Tersimpan.
profile-manage_title = Pilih butir yang akan diubah (✏️) atau dihapus (🗑):
profile-export_caption = Semua data yang disimpan bot tentang Anda.
profile-unlink_confirm =
    <b>Lepas tautan akun Telegram dari data kepegawaian?</b>
    Yang dihapus: keahlian/sertifikasi yang Anda isi sendiri, draf percakapan, draf survei yang belum dikirim, teks tanggapan dan pertanyaan Anda tentang usulan mutasi, teks pesan yang dikirim bot kepada Anda (pesan yang belum terkirim dibatalkan), teks Anda di catatan audit, peran petugas akun ini, dan persetujuan Anda.
    Yang tetap disimpan BKPSDM: data kepegawaian resmi (roster), aspirasi, jenis tanggapan, dan jawaban survei bernama yang sudah dikirim (jawaban survei anonim memang tidak terhubung dengan Anda), serta catatan audit tanpa teks Anda, karena menjadi arsip resmi kepegawaian.
    Anda dapat mendaftar lagi kapan saja dengan /start.
profile-btn_unlink_yes = Ya, lepas tautan akun
profile-unlinked = Tautan akun Anda telah dilepas dan data yang Anda berikan telah dihapus. Terima kasih.
import-hr_only = Berkas hanya diterima dari petugas BKPSDM. Jika Anda ingin mengirim dokumen pendukung, hubungi BKPSDM.
import-bad_type = Format berkas tidak didukung. Kirim berkas .csv atau .xlsx.
import-too_big = Berkas terlalu besar (maksimal { $limit_mb } MB). Pecah menjadi beberapa berkas.
import-choose_kind = Berkas diterima. Data apa yang ada di berkas ini?
import-kind_roster = 👥 Data pegawai (roster)
import-kind_roster_full = 👥 Roster lengkap (nonaktifkan yang tidak tercantum)
import-btn_partial = Impor baris yang valid saja
import-use_buttons = Pilih salah satu tombol di atas, atau ketik /cancel untuk batal.
lang-name_id = 🇮🇩 Bahasa Indonesia
lang-name_en = 🇬🇧 English
profile-kind_skill = Keahlian
profile-kind_certification = Sertifikasi
common-expect_contact = Mohon bagikan nomor Anda dengan tombol di bawah (bukan diketik).
common-expect_document = Mohon kirim berkasnya sebagai dokumen (CSV atau XLSX).
common-expect_button = Silakan pilih salah satu tombol pada pesan sebelumnya, atau ketik /cancel untuk membatalkan.
common-step_not_allowed = ⛔ Langkah ini hanya untuk petugas yang berwenang; percakapan dihentikan. Ketik /menu untuk melanjutkan.
common-too_many_messages = ⏳ Terlalu banyak pesan sekaligus. Mohon tunggu sebentar, lalu kirim lagi pesan yang belum terjawab.
common-inactive = Akun Anda tidak lagi tercatat sebagai pegawai aktif pada data kepegawaian, sehingga layanan bot ini tidak tersedia. Jika ini keliru, silakan hubungi BKPSDM.
common-unknown_command = Perintah /{ $command } tidak dikenal. Ketik /help untuk melihat perintah yang tersedia, atau buka menu utama.
common-unknown_command_suggest = Perintah tidak dikenal. Maksud Anda /{ $command }?
menu-not_registered =
    🏠 <b>Menu</b>
    Akun Telegram Anda belum terhubung dengan data kepegawaian. Tekan <b>Daftar</b> untuk menghubungkannya (atau ketik /start), atau <b>Bantuan</b> untuk melihat apa yang dapat dilakukan bot ini.
menu-btn_start = ▶️ Daftar (/start)
menu-btn_help = ❓ Bantuan
menu-btn_language = 🌐 Bahasa / Language
profile-deleted_item = 🗑 “{ $text }” dihapus. Tekan <b>Urungkan</b> jika keliru.
profile-restored = ↩️ “{ $text }” dikembalikan.
profile-item_gone = Butir ini sudah tidak ada (mungkin sudah dihapus). Buka /profil untuk melihat daftar terbaru.
profile-undo_gone = Penghapusan ini tidak dapat diurungkan lagi. Tambahkan kembali lewat tombol ➕ Keahlian di /profil.
profile-btn_undo = ↩️ Urungkan
profile-btn_back_profile = 👤 Kembali ke profil
common-text_no_words = Mohon jawab dengan kata-kata (emoji atau tanda baca saja belum menjawab). Silakan ketik lagi.
common-current_value = Isi sekarang (ketuk untuk menyalin): <code>{ $value }</code>
profile-history_header =
    { "" }
    <b>Riwayat jabatan</b>:
profile-history_line = • TMT { $tmt }: { $position } — { $unit } (SK { $sk })
