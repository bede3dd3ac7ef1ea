cmd-beban_kerja = Keseimbangan beban kerja (ABK)
menu-beban_kerja = ⚖️ Beban kerja
import-kind_workload = Beban kerja (ABK: kebutuhan & bezetting)
workload-empty = Belum ada data beban kerja. Kirim berkas CSV/XLSX berkolom <i>unit, jabatan, kebutuhan, bezetting</i> lalu pilih <b>Beban kerja</b>.
workload-title = ⚖️ <b>Keseimbangan beban kerja per unit</b>
workload-title_after = ⚖️ <b>Beban kerja setelah rencana #{ $id }</b>
workload-head = Unit               Butuh Ada Selisih
workload-head_after = Unit               Butuh Ada Sel. Keluar Masuk Sel.baru
workload-legend = Selisih = bezetting − kebutuhan: negatif berarti kekurangan, positif kelebihan.
workload-flagged = ⚠️ Rencana ini memperlebar kekurangan pegawai di: <b>{ $units }</b>
workload-btn_chart = 📊 Grafik
workload-btn_xlsx = 📥 XLSX
workload-btn_after = Setelah rencana #{ $id } { $name }
workload-chart_title = Kebutuhan vs bezetting per unit
workload-chart_title_after = Kebutuhan vs bezetting setelah rencana #{ $id }
workload-chart_caption = Abu-abu: kebutuhan. Merah: kurang, hijau: lebih, biru: pas.
workload-label_need = Kebutuhan (ABK)
workload-label_staffed = Bezetting
workload-sheet = Beban kerja
workload-col =
    { $column ->
        [unit] Unit
        [need] Kebutuhan
        [staffed] Bezetting
        [gap] Selisih
        [leaving] Keluar
        [arriving] Masuk
        [staffed_after] Bezetting setelah
        [gap_after] Selisih setelah
        [flag] Kekurangan melebar
       *[other] { $column }
    }
workload-missing_columns = Kolom wajib tidak ada: { $columns }. Kolom yang dikenali: unit, jabatan, kebutuhan, bezetting.
workload-imported = ✅ Data beban kerja diimpor: { NUMBER($added) } baru, { NUMBER($updated) } diperbarui.
workload-not_applied = Tidak ada yang diimpor: { NUMBER($count) } baris bermasalah. Perbaiki berkas, atau impor baris yang valid saja.
workload-line = Baris { $line }: { $problem }
workload-err =
    { $error ->
        [unit_empty] unit kosong
        [position_empty] jabatan kosong
        [need] kebutuhan bukan bilangan bulat ≥ 0 ({ $value })
        [staffed] bezetting bukan bilangan bulat ≥ 0 ({ $value })
        [duplicate] unit dan jabatan sama dengan baris { $value }
       *[other] { $error }
    }
