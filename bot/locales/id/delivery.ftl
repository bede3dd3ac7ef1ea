delivery-audience-unknown = Sasaran "{ $value }" tidak dikenali. Pakai: all, unit:NAMA, role:hr|approver|employee, atau daftar id pegawai.
delivery-audience-bad_role = Peran "{ $role }" tidak dikenal. Pilihan: { $roles }.
delivery-audience-bad_id = "{ $value }" bukan id pegawai yang sah.
delivery-audience-unit_not_found = Unit kerja "{ $name }" tidak ditemukan.
delivery-audience-unit_ambiguous = "{ $name }" cocok dengan beberapa unit: { $options }. Tulis lebih lengkap.
delivery-progress = 📤 Pengumuman #{ $id }: { NUMBER($sent) }/{ NUMBER($total) } terkirim, { NUMBER($failed) } gagal, { NUMBER($unreachable) } tidak terjangkau, { NUMBER($pending) } menunggu.
delivery-done = ✅ Pengumuman #{ $id } selesai: { NUMBER($sent) }/{ NUMBER($total) } terkirim, { NUMBER($failed) } gagal, { NUMBER($unreachable) } tidak terjangkau, { NUMBER($uncertain) } tidak pasti.
delivery-done_reasons =
    Alasan kegagalan:
    { $reasons }
delivery-reason_line = • { $reason }: { NUMBER($count) }
delivery-late = ⏰ Jadwal #{ $id } ({ $kind }) terlambat dijalankan: seharusnya { $run_at }, dijalankan { $fired_at }.
delivery-missed = ⚠️ Jadwal #{ $id } ({ $kind }) terlewat: seharusnya { $run_at }, melewati batas toleransi { $grace } menit; tidak dikirim.
delivery-cli-queued = Pengumuman #{ $id } diantrekan untuk { NUMBER($count) } penerima.
delivery-cli-scheduled = Pengumuman #{ $id } dijadwalkan pada { $at } ({ NUMBER($count) } penerima saat ini).
delivery-cli-status = Pengumuman #{ $id } [{ $status }]: total { NUMBER($total) }, terkirim { NUMBER($sent) }, gagal { NUMBER($failed) }, tidak terjangkau { NUMBER($unreachable) }, menunggu { NUMBER($pending) }, tidak pasti { NUMBER($uncertain) }
delivery-cli-not_found = Pengumuman #{ $id } tidak ditemukan.
delivery-cli-cancelled = Pengumuman #{ $id } dibatalkan.
delivery-cli-not_cancellable = Pengumuman #{ $id } sudah selesai atau dibatalkan; tidak bisa dibatalkan.
delivery-cli-empty_list = Belum ada pengumuman.
delivery-cli-list_line = #{ $id } [{ $status }] { $created } { $kind } { $title }
compose-err_tag_unsupported = tag &lt;{ $value }&gt; tidak didukung Telegram (yang boleh: b, i, u, s, a, code, pre, blockquote)
compose-err_span_class = tag &lt;{ $value }&gt; hanya boleh dengan class="tg-spoiler"
compose-err_end_unmatched = tag penutup &lt;/{ $value }&gt; tanpa tag pembuka
compose-err_not_closed = tag &lt;{ $value }&gt; belum ditutup dengan &lt;/{ $value }&gt;
compose-err_empty = teksnya kosong
compose-err_too_long = lebih dari { $value } karakter
compose-err_other = format HTML tidak dapat dibaca
