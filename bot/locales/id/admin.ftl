admin-invite_ask_nip = Ketik NIP pegawai yang akan diundang (18 digit; spasi boleh). Tautan pendaftaran sekali pakai akan dibuat untuknya.
admin-invite_bad_nip = NIP tidak valid: { $reason }
admin-invite_not_found = NIP tersebut tidak ada di data pegawai. Impor roster terlebih dahulu atau periksa NIP.
admin-invite_created =
    Tautan undangan untuk <b>{ $name }</b> (sekali pakai, berlaku sampai { $expires }):
    { $link }
    Kirimkan tautan ini hanya kepada pegawai yang bersangkutan.
cmd-undangan = Buat tautan undangan pendaftaran (BKPSDM)
menu-undangan = 🔗 Undangan
admin-invite_inactive = Pegawai dengan NIP tersebut tidak aktif lagi (tidak tercantum di roster lengkap terakhir), sehingga tidak dapat didaftarkan. Impor roster yang mencantumkannya bila ini keliru.
admin-unlink_usage = Cara pakai: <code>/putus NIP</code> (18 digit).
admin-unlink_not_linked = Pegawai dengan NIP tersebut tidak memiliki akun Telegram yang terhubung.
admin-unlink_confirm =
    Lepas tautan akun Telegram dari pegawai berikut?
    Nama: <b>{ $name }</b>
    NIP: { $nip }
    Unit kerja: { $unit }
    Akun tersebut tidak lagi terhubung dengan data pegawai ini dan pesan yang belum terkirim kepadanya dibatalkan. Data kepegawaian dan riwayatnya tetap tersimpan.
admin-btn_unlink = ✂️ Lepas tautan akun
admin-unlinked = Tautan akun dilepas. Pemilik akun diberi tahu; ia hanya dapat terhubung lagi dengan nomor di data kepegawaian atau tautan undangan baru.
admin-unlinked_notice = Akun Telegram Anda tidak lagi terhubung dengan data pegawai (dilepas oleh BKPSDM). Jika ini keliru, silakan hubungi BKPSDM.
cmd-putus = Lepas tautan akun Telegram seorang pegawai (BKPSDM)
menu-putus = ✂️ Lepas tautan akun
