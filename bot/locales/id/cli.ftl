cli-admin-granted = { $telegram_id }: peran { $role } diberikan.
cli-admin-already = { $telegram_id }: sudah memiliki peran { $role }.
cli-admin-menu_note = Bot yang sedang berjalan memperbarui menu perintah pengguna ini saat ia mengetik /start atau /help berikutnya.
cli-admin-none = Belum ada pemegang peran (ADMIN_TELEGRAM_IDS ditambahkan saat bot dijalankan).
cli-admin-row = { $telegram_id }	{ $role }	(diberikan oleh { $by })
cli-admin-removed = { NUMBER($count) } peran dicabut dari { $telegram_id }.
cli-db-upgraded = Skema basis data sudah pada revisi { $revision }.
cli-demo-failed = ❌ Skrip demo gagal: { $error }
cli-demo-finished = ✅ Skrip demo selesai.
cli-demo-started = Demo: { NUMBER($employees) } pegawai Kabupaten Sukamaju, emulator { $url }
cli-demo-help =
    Ketik pesan untuk bot, atau nomor tombol untuk menekannya.
    Perintah demo: :hr (jadi petugas BKPSDM), :pegawai (jadi pegawai), :keluar.
cli-demo-you_are = Anda: { $name } (nomor HP di roster: { $phone }). Mulai dengan /start
cli-demo-switched = Sekarang sebagai { $name }.
cli-demo-no_button = Tidak ada tombol nomor { $number }.
cli-unlink-done = Tautan akun dilepas: { $name } (NIP { $nip }, { $unit }).
