import-report-line = Baris { $line }: { $reason }
import-report-skipped = { $count } baris bermasalah dilewati:
import-report-not_applied = Impor dibatalkan: { $count } baris bermasalah, tidak ada data yang diubah. Perbaiki baris berikut atau impor sebagian (hanya baris yang valid).
import-report-missing_columns = Impor dibatalkan: kolom wajib tidak ditemukan: { $columns }.
import-report-more = … dan { $count } masalah lainnya.
import-report-warnings = { $count } peringatan aturan (baris tetap diimpor dan dicatat di jejak audit):
import-report-warned = diimpor dengan peringatan: { $warning }
import-report-dry_run = Uji coba (--dry-run): tidak ada yang disimpan.
import-cli-plan_only_moves = --plan hanya berlaku untuk impor moves.
import-file-type = jenis berkas tidak didukung ({ $ext }); kirim berkas CSV atau XLSX
import-file-encoding = berkas tidak dapat dibaca: simpan sebagai CSV UTF-8
import-file-unreadable = berkas tidak dapat dibaca ({ $reason })
import-file-empty = berkas kosong
import-file-too_many_rows = berkas terlalu panjang: lebih dari { $limit } baris (pecah menjadi beberapa berkas)
import-report-deactivated = Roster lengkap: { NUMBER($count) } pegawai yang tidak tercantum dinonaktifkan (tidak dapat memakai bot dan tidak menerima pesan).
import-full-rejected_lines = Roster lengkap tidak diterapkan: { NUMBER($count) } baris bermasalah, tidak ada data yang diubah. Pada roster lengkap setiap pegawai yang tidak tercantum dinonaktifkan, jadi semua baris harus valid. Perbaiki baris berikut lalu kirim ulang berkasnya.
import-full-empty = Roster lengkap tidak diterapkan: berkas tidak berisi satu pun pegawai.
import-full-confirm =
    Berkas valid: { NUMBER($read) } baris pegawai.
    Sebagai <b>roster lengkap</b>, { NUMBER($count) } pegawai aktif yang tidak tercantum di berkas ini akan <b>dinonaktifkan</b>: mereka tidak dapat memakai bot dan tidak menerima pengumuman, konsultasi, maupun survei.
    Terapkan roster lengkap?
import-full-btn_confirm = ✅ Terapkan roster lengkap
import-cli-full_only_roster = --full hanya berlaku untuk impor employees (roster).
import-cli-full_not_partial = --full tidak dapat digabung dengan --partial: roster lengkap harus bebas baris bermasalah.
