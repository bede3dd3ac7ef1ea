match-err-missing_columns = Kolom wajib tidak ada: { $columns }
match-err-file = Berkas tidak dapat dibaca: { $reason }
match-report-line = Baris { $line }: { $reason }
match-report-applied = Jabatan lowong diimpor: { NUMBER($created) } baru, { NUMBER($updated) } diperbarui, { NUMBER($unchanged) } tidak berubah.
match-report-skipped = { NUMBER($count) } baris dilewati karena bermasalah.
match-report-not_applied = Tidak ada perubahan: { NUMBER($count) } baris bermasalah. Perbaiki berkas atau gunakan --partial.
match-cli-written = { NUMBER($rows) } baris rekomendasi ditulis ke { $path } ({ NUMBER($employees) } pegawai, { NUMBER($positions) } jabatan lowong).
match-cli-no_positions = Tidak ada jabatan lowong.
match-cli-competences_imported = Kamus kompetensi: { NUMBER($created) } kompetensi baru, { NUMBER($variants) } variasi ditambahkan.
match-cli-competence_line = { $name } — { NUMBER($count) } variasi
match-explain-matched = Kompetensi cocok: { $items }
match-explain-missing = Kompetensi belum terpenuhi: { $items }
match-explain-primary_mark = { $name } (utama)
match-explain-education_ok = Pendidikan { $education } memenuhi syarat
match-explain-education_bad = Pendidikan tidak memenuhi syarat ({ $detail })
match-explain-rank_ok = Golongan { $rank } dalam rentang { $low }–{ $high }
match-explain-rank_bad = Golongan { $rank } di luar rentang { $low }–{ $high }
match-explain-preferred = Unit sesuai aspirasi
match-no_skills = Keahlian Anda belum dapat kami kenali. Tuliskan keahlian secara spesifik, misalnya: "kearsipan, analisis data, bahasa Inggris".
match-none = -
cmd-rekomendasi = Jabatan lowong yang cocok dengan keahlian saya
cmd-kandidat = Cari kandidat untuk jabatan lowong
cmd-formasi = Daftar jabatan lowong
menu-rekomendasi = 🎯 Rekomendasi jabatan
menu-kandidat = 🔎 Kandidat jabatan lowong
menu-formasi = 📋 Jabatan lowong
import-kind_positions = 📋 Jabatan lowong
match-more = …dan { NUMBER($count) } lainnya
match-rec-title =
    🎯 <b>Rekomendasi jabatan lowong untuk Anda</b>
    Keahlian yang dikenali: { $skills }
match-rec-item =
    <b>{ $n }. { $title }</b> — { $unit }
    Kode { $code } · kecocokan { $percent }%
match-rec-btn_add = ➕ Tambahkan { $n } ke aspirasi
match-rec-vague =
    Keahlian Anda belum cukup spesifik untuk dicocokkan dengan jabatan lowong.
    { "" }
    Tambahkan keahlian lewat /profil → ➕ Keahlian. Tulis hal yang benar-benar Anda kerjakan, dipisah koma, misalnya:
    • analisis data, statistik, Excel
    • pengadaan barang dan jasa (PBJ)
    • jaringan komputer, pengembangan aplikasi
    • kearsipan, tata naskah dinas
    • promosi kesehatan, kesehatan masyarakat
match-rec-unplaced = Tulisan yang belum kami kenali: { $items }
match-rec-none = Keahlian Anda dikenali ({ $skills }), tetapi belum ada jabatan lowong yang cocok dan sesuai syarat pendidikan serta golongan Anda. Lengkapi keahlian lewat /profil atau coba lagi nanti.
match-rec-no_positions = Saat ini belum ada jabatan lowong. Coba lagi nanti.
match-rec-added = ✅ Jabatan lowong <b>{ $title }</b> di { $unit } ditambahkan sebagai pilihan ke-{ $n } dalam draf aspirasi Anda. Lanjutkan pengisian di bawah ini, atau kapan saja dengan /aspirasi.
match-rec-already = Jabatan lowong ini sudah ada dalam draf aspirasi Anda.
match-rec-full = Draf aspirasi Anda sudah berisi { $max } pilihan (maksimal). Ubah pilihan lewat /aspirasi.
match-rec-rotation_other_unit = Draf aspirasi Anda berjenis rotasi di unit sendiri, sedangkan jabatan lowong ini berada di unit lain. Ubah jenis aspirasi lewat /aspirasi.
match-rec-busy = Anda sedang mengisi percakapan lain. Selesaikan atau batalkan dengan /cancel terlebih dahulu.
match-rec-has_aspiration = Anda sudah memiliki aspirasi pada periode ini. Buka /aspirasi untuk mengubah pilihan.
match-rec-not_for_unit = Periode aspirasi yang dibuka tidak berlaku untuk unit kerja Anda.
match-closed = Jabatan ini sudah tidak lowong.
match-cand-ask = 🔎 Ketik sebagian nama jabatan, unit kerja, atau kode jabatan lowong yang dicari.
match-cand-pick = Pilih jabatan lowong yang cocok dengan "{ $query }":
match-cand-not_found = Tidak ada jabatan lowong yang cocok dengan "{ $query }". Coba kata lain atau kode jabatan lowong, atau /cancel.
match-cand-hr_only = Pencarian kandidat hanya untuk petugas BKPSDM.
match-cand-title =
    🔎 <b>Kandidat untuk { $title }</b>
    { $unit } · kode { $code }
    Kandidat { $first }–{ $last } dari { NUMBER($total) }:
match-cand-item =
    <b>{ $n }. { $name }</b> — NIP { $nip }
    { $unit } · { $position } · { $rank } · { $education }
    Kecocokan { $percent }%
match-cand-line = { $n }. <b>{ $name }</b> · { $rank } · { $education } · { $unit } · { $percent }%
match-cand-table_hint = 🔎 n = rincian dan alasan kecocokan · 📝 Usulkan n = masukkan ke rencana Draf
match-cand-btn_detail = 🔎 { $n }
match-cand-flag_rank_high = ⚠️ golongan jauh di atas jabatan
match-cand-rank_high_detail = ⚠️ Golongan { $rank } jauh di atas jenjang jabatan ini; periksa apakah penempatan ini wajar.
match-cand-btn_xlsx = 📥 Unduh XLSX
match-cand-xlsx_caption = Kandidat untuk { $title } ({ $code })
match-cand-nobody =
    Tidak ada pegawai yang memenuhi syarat untuk <b>{ $title }</b> ({ $code }).
    Dari { NUMBER($total) } pegawai aktif: { NUMBER($rank_ok) } dalam rentang golongan { $low }–{ $high }, { NUMBER($edu_ok) } memenuhi syarat pendidikan ({ $education }), { NUMBER($both) } memenuhi keduanya.
match-cand-nobody_skills = Tidak satu pun dari { NUMBER($both) } pegawai yang memenuhi syarat memiliki kompetensi yang dibutuhkan: { $skills }.
match-cand-nobody_unknown = Kompetensi yang dibutuhkan jabatan ini belum dikenali kamus kompetensi. Tambahkan variasinya dengan asn-bot competences import.
match-any = semua
match-xlsx-sheet = Kandidat
match-pos-title = 📋 <b>Jabatan lowong</b> ({ $first }–{ $last } dari { NUMBER($total) })
match-pos-item =
    <b>{ $code }</b> · { $title }
    { $unit } · kuota { $quota } · golongan { $low }–{ $high } · pendidikan { $education }
match-pos-none = Belum ada jabatan lowong. Kirim berkas jabatan lowong (CSV/XLSX) ke bot untuk mengimpornya.
match-cand-use_args = Anda sedang menyimpan draf percakapan lain. Cari langsung dengan /kandidat diikuti nama jabatan atau kode jabatan lowong, misalnya <code>/kandidat pranata komputer</code>.
match-err-position_id = kode jabatan lowong (position_id) kosong
match-err-position_id_duplicate = kode jabatan lowong { $value } sudah ada di baris { $first_line }
match-err-title = nama jabatan (title) kosong
match-err-unit = unit kerja (unit) kosong
match-err-required_skills = kompetensi yang dibutuhkan (required_skills) kosong
match-err-education = tingkat pendidikan tidak dikenal: { $value }
match-err-rank = golongan tidak dikenal: { $value }
match-err-rank_order = golongan minimum { $low } lebih tinggi dari maksimum { $high }
match-err-quota = kuota harus bilangan bulat positif: { $value }
match-xlsx-nip = NIP
match-xlsx-name = Nama
match-xlsx-unit = Unit kerja
match-xlsx-position = Jabatan
match-xlsx-rank = Golongan
match-xlsx-education = Pendidikan
match-xlsx-score = Skor
match-xlsx-matched = Kompetensi cocok
match-xlsx-missing = Kompetensi kurang
match-pos-btn_candidates = 👥 Kandidat { $code }
