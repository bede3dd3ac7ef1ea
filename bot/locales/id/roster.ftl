roster-report-line = Baris { $line }: { $reason }
roster-report-applied = Impor selesai: { NUMBER($added) } pegawai ditambahkan, { NUMBER($updated) } diperbarui, { NUMBER($unchanged) } tidak berubah.
roster-report-skipped = { NUMBER($count) } baris bermasalah dilewati:
roster-report-not_applied = Impor dibatalkan: { NUMBER($count) } baris bermasalah, tidak ada data yang diubah. Perbaiki baris berikut atau impor sebagian (hanya baris yang valid).
roster-report-missing_columns = Impor dibatalkan: kolom wajib tidak ditemukan: { $columns }.
roster-report-more = … dan { NUMBER($count) } masalah lainnya.
roster-err =
    { $error ->
        [nip_empty] NIP kosong
        [nip_digits] NIP hanya boleh berisi angka
        [nip_length] NIP harus 18 digit (ditemukan { $found })
        [nip_birth_date] tanggal lahir dalam NIP tidak valid ({ $value })
        [nip_tmt_date] TMT CPNS dalam NIP tidak valid ({ $value })
        [nip_tmt_future] TMT CPNS dalam NIP ada di masa depan ({ $value })
        [nip_tmt_too_early] TMT CPNS dalam NIP ({ $value }) sebelum usia { $age } tahun
        [nip_sex] digit jenis kelamin dalam NIP harus 1 atau 2 (ditemukan { $digit })
        [nip_duplicate] NIP sudah ada di baris { $first_line }
        [name_empty] nama kosong
        [required] kolom { $column } kosong
        [too_long] isi kolom { $column } lebih dari { NUMBER($max) } karakter
        [phone] nomor telepon tidak valid ({ $value })
        [rank_empty] golongan kosong
        [rank] golongan tidak dikenal ({ $value }); gunakan I/a … IV/e
        [education] tingkat pendidikan tidak dikenal ({ $value }); gunakan SD, SMP, SMA, D1–D4, S1, S2, S3
        [position_kind] jenis jabatan tidak dikenal ({ $value }); gunakan JPT, administrator, pengawas, pelaksana, fungsional
        [date] tanggal di kolom { $column } tidak valid ({ $value }); gunakan TTTT-BB-HH
        [date_future] tanggal di kolom { $column } ada di masa depan ({ $value })
        [bool] isi kolom { $column } harus ya atau tidak (ditemukan { $value })
        [file_type] jenis berkas tidak didukung ({ $ext }); kirim berkas CSV atau XLSX
        [file_encoding] berkas tidak dapat dibaca: simpan sebagai CSV UTF-8
        [file_unreadable] berkas tidak dapat dibaca ({ $reason })
        [file_empty] berkas kosong
       *[other] { $error }
    }
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
