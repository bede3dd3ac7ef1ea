roster-report-line = Baris { $line }: { $reason }
roster-report-applied = Impor selesai: { NUMBER($created) } pegawai ditambahkan, { NUMBER($updated) } diperbarui, { NUMBER($unchanged) } tidak berubah.
roster-report-skipped = { NUMBER($count) } baris bermasalah dilewati:
roster-report-not_applied = Impor dibatalkan: { NUMBER($count) } baris bermasalah, tidak ada data yang diubah. Perbaiki baris berikut atau impor sebagian (hanya baris yang valid).
roster-report-missing_columns = Impor dibatalkan: kolom wajib tidak ditemukan: { $columns }.
roster-report-more = … dan { NUMBER($count) } masalah lainnya.
roster-invite-link =
    Tautan pendaftaran untuk { $name }:
    { $link }
    Berlaku sampai { $expires }.
roster-invite-code =
    Kode pendaftaran untuk { $name }: { $code }
    Berlaku sampai { $expires }.
    Atur BOT_USERNAME agar tautan t.me dapat dibuat.
roster-invite-not_found = Pegawai dengan NIP tersebut tidak ditemukan.
roster-invite-bad_nip = NIP tidak valid: { $reason }
roster-demo-written = { NUMBER($count) } baris roster contoh ditulis ke { $path }.
roster-demo-linked = { NUMBER($count) } pengguna bot contoh ditautkan.
roster-demo-linked_ignored = --linked diabaikan bersama --out.
roster-err-nip_empty = NIP kosong
roster-err-nip_digits = NIP hanya boleh berisi angka
roster-err-nip_length = NIP harus 18 digit (ditemukan { $found })
roster-err-nip_birth_date = tanggal lahir dalam NIP tidak valid ({ $value })
roster-err-nip_tmt_date = TMT CPNS dalam NIP tidak valid ({ $value })
roster-err-nip_tmt_future = TMT CPNS dalam NIP ada di masa depan ({ $value })
roster-err-nip_tmt_too_early = TMT CPNS dalam NIP ({ $value }) sebelum usia { $age } tahun
roster-err-nip_sex = digit jenis kelamin dalam NIP harus 1 atau 2 (ditemukan { $digit })
roster-err-nip_duplicate = NIP sudah ada di baris { $first_line }
roster-err-name_empty = nama kosong
roster-err-required = kolom { $column } kosong
roster-err-too_long = isi kolom { $column } lebih dari { $max } karakter
roster-err-phone = nomor telepon tidak valid ({ $value })
roster-err-phone_foreign = nomor telepon luar negeri ({ $value }); hanya nomor seluler Indonesia (+62) yang dapat dipakai
roster-err-rank_empty = golongan kosong
roster-err-rank = golongan tidak dikenal ({ $value }); gunakan I/a … IV/e
roster-err-education = tingkat pendidikan tidak dikenal ({ $value }); gunakan SD, SMP, SMA, D1–D4, S1, S2, S3
roster-err-position_kind = jenis jabatan tidak dikenal ({ $value }); gunakan JPT, administrator, pengawas, pelaksana, fungsional
roster-err-date = tanggal di kolom { $column } tidak valid ({ $value }); gunakan HH-BB-TTTT, mis. 31-12-2026 (TTTT-BB-HH juga diterima)
roster-err-date_future = tanggal di kolom { $column } ada di masa depan ({ $value })
roster-err-bool = isi kolom { $column } harus ya atau tidak (ditemukan { $value })
roster-err-sanction_level = tingkat hukuman disiplin di kolom { $column } tidak dikenal ({ $value }); gunakan ringan, sedang atau berat
roster-err-skp = predikat SKP di kolom { $column } tidak dikenal ({ $value }); gunakan sangat baik, baik, butuh perbaikan, kurang, sangat kurang, atau nilai 0–100
