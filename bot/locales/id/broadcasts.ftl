cmd-umumkan = Kirim pengumuman ke pegawai (BKPSDM)
cmd-terjadwal = Pengumuman terjadwal (BKPSDM)
cmd-laporan_kirim = Laporan pengiriman pengumuman (BKPSDM)
menu-umumkan = 📣 Pengumuman
menu-terjadwal = 🗓 Terjadwal
menu-laporan_kirim = 📊 Laporan kirim
bc-ask_text = 📣 Tulis teks pengumuman (maks. 4096 karakter). Format HTML boleh: &lt;b&gt;tebal&lt;/b&gt;, &lt;i&gt;miring&lt;/i&gt;, &lt;a href="..."&gt;tautan&lt;/a&gt;. { $placeholders } diganti nama tiap penerima. /cancel untuk batal.
bc-bad_html = ⚠️ Format HTML tidak sah ({ $error }). Periksa tag pembuka/penutup, lalu kirim ulang teksnya.
bc-bad_placeholder = ⚠️ Isian { $unknown } tidak dikenal; pengumuman belum disimpan. Isian yang bisa dipakai: { $known }. Kirim ulang teksnya.
bc-name_fallback = Bapak/Ibu
bc-preview_title = 👀 Pratinjau pengumuman:
bc-ask_attach = 📎 Lampirkan satu dokumen atau foto bila perlu, atau tekan Lewati.
bc-btn_skip = ⏭ Lewati
bc-expect_attach = Kirim dokumen atau foto, atau tekan Lewati.
bc-caption_too_long = ⚠️ Teks dengan lampiran paling banyak 1024 karakter (sekarang { $length }). Tekan Lewati atau /cancel lalu tulis teks yang lebih pendek.
bc-attached = ✅ Lampiran tersimpan.
bc-choose_audience = 👥 Pilih penerima pengumuman:
bc-aud_all = Semua pegawai
bc-aud_units = Unit kerja (OPD)
bc-aud_role = Peran
bc-aud_plan = Pegawai dalam rencana mutasi
bc-aud_survey = Belum mengisi survei
bc-role_hr = Petugas BKPSDM
bc-role_approver = PPK (Pejabat Pembina Kepegawaian)
bc-role_employee = Semua pegawai terdaftar
bc-choose_role = Pilih peran penerima:
bc-ask_unit = 🏢 Ketik beberapa huruf nama unit kerja (mis. dinkes, kominfo). Unit terpilih: { $chosen }
bc-unit_matches = Pilih unit yang dimaksud (tekan untuk menambah/menghapus). Terpilih: { $chosen }
bc-unit_none = Tidak ada unit yang cocok dengan "{ $query }". Coba kata lain.
bc-btn_units_done = ✅ Selesai memilih unit
bc-no_units = Belum ada unit terpilih. Ketik nama unit.
bc-ask_ref = Ketik nomor { $what }:
bc-bad_ref = Ketik nomor berupa angka.
bc-confirm =
    📋 Penerima: <b>{ NUMBER($count) }</b> pegawai yang sudah terhubung ke bot ({ $audience }).
    Pegawai yang belum terhubung ke bot tidak menerima pengumuman ini.
    Kirim sekarang atau jadwalkan?
bc-no_recipients = ⚠️ Tidak ada penerima untuk pilihan ini. Pilih penerima lain.
bc-btn_send = 📤 Kirim sekarang
bc-btn_schedule = 🗓 Jadwalkan
bc-btn_abort = ✖️ Batal
bc-aborted = Pengumuman dibatalkan; tidak ada yang dikirim.
bc-ask_when = 🗓 Ketik tanggal dan jam kirim (waktu setempat), { dates-hint_datetime }.
bc-past_time = ⚠️ { $value } sudah lewat. Pilih waktu yang akan datang.
bc-scheduled = ✅ Pengumuman #{ $id } dijadwalkan pada { $at } ({ NUMBER($count) } penerima saat ini). Lihat /terjadwal.
bc-queued = 📤 Pengumuman #{ $id } diantrekan untuk { NUMBER($count) } penerima.
bc-stale = Draf pengumuman ini sudah tidak berlaku. Mulai lagi dengan /umumkan.
bc-use_buttons = Gunakan tombol di atas, atau /cancel.
bc-scheduled_title = 🗓 Pengumuman terjadwal:
bc-scheduled_line = #{ $id } — { $at } — { $text }
bc-scheduled_none = Tidak ada pengumuman terjadwal.
bc-btn_cancel_item = ❌ Batalkan #{ $id }
bc-cancelled = Pengumuman #{ $id } dibatalkan.
bc-not_cancellable = Pengumuman #{ $id } sudah berjalan, selesai atau dibatalkan.
bc-report_title = 📊 Laporan pengiriman terakhir:
bc-report_line = #{ $id } ({ $status }, { $created }): { NUMBER($sent) }/{ NUMBER($total) } terkirim, { NUMBER($failed) } gagal, { NUMBER($unreachable) } tak terjangkau, { NUMBER($pending) } menunggu
bc-report_none = Belum ada pengumuman.
bc-report_detail =
    📊 Pengumuman #{ $id } ({ $status })
    Dibuat: { $created }
    Total { NUMBER($total) }
    Terkirim { NUMBER($sent) }
    Gagal { NUMBER($failed) }
    Tidak terjangkau { NUMBER($unreachable) }
    Tidak pasti { NUMBER($uncertain) }
    Menunggu { NUMBER($pending) }
    Dibatalkan { NUMBER($cancelled) }
bc-report_reasons = Alasan kegagalan:
bc-btn_xlsx = 📥 Unduh XLSX #{ $id }
bc-btn_detail = 🔎 #{ $id }
bc-not_found = Pengumuman #{ $id } tidak ditemukan.
bc-xlsx_caption = Laporan pengiriman pengumuman #{ $id }
bc-xlsx_summary = Ringkasan
bc-xlsx_failures = Kegagalan
bc-xlsx_figure = Angka
bc-xlsx_value = Nilai
bc-xlsx_chat = Chat
bc-xlsx_name = Nama
bc-xlsx_status = Status
bc-xlsx_reason = Alasan
bc-xlsx_attempts = Percobaan
bc-preview_for = 👀 Pratinjau pengumuman, contoh untuk <b>{ $name }</b>:
bc-header = 📢 <b>Pengumuman BKPSDM</b>
bc-status_draft = draf
bc-status_scheduled = terjadwal
bc-status_queued = diantrekan
bc-status_sending = sedang dikirim
bc-status_done = selesai
bc-status_cancelled = dibatalkan
bc-status_missed = terlewat
bc-status_other = lainnya
