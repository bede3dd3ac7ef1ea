cmd-sosialisasi = Atur pesan sosialisasi mutasi (BKPSDM)
menu-sosialisasi = 📢 Sosialisasi
campaigns-title =
    📢 Templat sosialisasi: { $name }
    Pesan dikirim ke pegawai relatif terhadap TMT mutasinya.
campaigns-step_line = { $n }. <b>{ $offset }</b> pukul { $time } — { $preview }
campaigns-btn_text = ✏️ Teks { $n }
campaigns-btn_offset = ⏱ Waktu { $n }
campaigns-day_letter = H
campaigns-ask_text =
    Teks langkah { $n } sekarang (ketuk untuk menyalin):
    <code>{ $current }</code>
    { "" }
    Ketik teks baru ({ $lang }). Boleh memakai { $placeholders } dan format HTML.
campaigns-ask_offset = Waktu langkah { $n } sekarang: <b>{ $current }</b>. Ketik waktu baru relatif terhadap TMT, mis. H-14 (14 hari sebelum TMT) atau H+1 09.00.
campaigns-bad_offset = ⚠️ "{ $value }" tidak dikenali. Contoh: H-14, H-1 07.30, H+1.
campaigns-bad_html = ⚠️ Format HTML tidak sah ({ $error }).
campaigns-bad_placeholder = ⚠️ Isian { $unknown } tidak dikenal; teks belum disimpan. Isian yang bisa dipakai: { $known }. Ketik ulang teksnya.
campaigns-saved = ✅ Langkah disimpan. Perubahan teks berlaku untuk pesan yang belum terkirim; perubahan waktu untuk SK berikutnya.
campaigns-skipped_report = ℹ️ Sosialisasi mutasi #{ $move }: { NUMBER($count) } langkah dilewati karena waktunya sudah lewat saat SK ditetapkan (TMT { $tmt }).
campaigns-default-d_minus_14 = 📢 Yth. { $name }, Anda akan dimutasi dengan TMT { $tmt } ke { $unit }. Aturan dan jadwal: serah terima jabatan paling lambat H-1, pelantikan pada hari TMT, laporan diri di unit baru pada hari kerja pertama. Pertanyaan dapat diajukan melalui bot ini.
campaigns-default-d_minus_7 = 🗂 Yth. { $name }, satu minggu menuju TMT { $tmt }. Siapkan: memori serah terima jabatan, daftar pekerjaan berjalan, inventaris barang milik negara, serta salinan SK dan dokumen kepegawaian.
campaigns-default-d_minus_1 = ⏰ Pengingat: besok ({ $tmt }) TMT mutasi Anda ke { $unit }. Pastikan serah terima jabatan selesai hari ini.
campaigns-default-d_plus_1 = 🎉 Selamat bergabung di { $unit }, { $name }! Orientasi dan pelatihan untuk jabatan baru akan diinformasikan oleh atasan langsung; materi pengenalan tersedia di bagian kepegawaian unit.
campaigns-language_name = Bahasa Indonesia
campaigns-preview_title = 👀 Contoh pesan untuk <b>{ $name }</b> (isian diganti data pegawai):
campaigns-sample_name = Budi Santoso
campaigns-sample_unit = Dinas Kesehatan
campaigns-sample_position = Analis Kebijakan Ahli Muda
