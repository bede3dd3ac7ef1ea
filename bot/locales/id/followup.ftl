cmd-tindak_lanjut = Tindak lanjut pegawai yang minta dihubungi (BKPSDM)
menu-tindak_lanjut = 🤝 Tindak lanjut
followup-ask_contact =
    🤝 <b>Satu pertanyaan terpisah (opsional)</b>
    Bolehkah BKPSDM menghubungi Anda tentang penempatan Anda?
    Jawaban ini <b>tidak</b> disimpan bersama jawaban survei Anda dan tidak terhubung dengannya: bila Anda memilih "Ya", BKPSDM hanya mencatat nama Anda dan putaran survei ini untuk menghubungi Anda.
followup-btn_yes = ✅ Ya, silakan hubungi saya
followup-btn_no = Tidak, terima kasih
followup-contact_opened = ✅ Terima kasih. Petugas BKPSDM akan menghubungi Anda tentang penempatan Anda. Jawaban survei Anda tetap anonim.
followup-contact_already = Permintaan Anda untuk dihubungi sudah tercatat. Petugas BKPSDM akan menghubungi Anda.
followup-contact_declined = Baik, BKPSDM tidak akan menghubungi Anda tentang survei ini. Terima kasih.
followup-contact_refused = Tombol ini sudah tidak berlaku.
followup-assigned_notice = 🤝 Tindak lanjut #{ $id } untuk <b>{ $name }</b> ditugaskan kepada Anda: pegawai ini meminta dihubungi tentang penempatannya. Buka /tindak_lanjut.
followup-none = Tidak ada tindak lanjut yang terbuka.
followup-list_title =
    🤝 <b>Tindak lanjut terbuka</b>: { NUMBER($count) }, terlambat: { NUMBER($overdue) } (halaman { $page }/{ $pages })
    Yang terlambat ditampilkan lebih dulu.
followup-list_line = { $late ->
        [yes] ⚠️
       *[no] •
    } #{ $id } <b>{ $name }</b> ({ $nip }) · { $unit } · batas { $due }{ $owner ->
        [mine] { " " }· milik Anda
        [none] { " " }· belum ada penanggung jawab
       *[other] {""}
    }
followup-btn_open = #{ $id } { $name }
followup-card =
    🤝 <b>Tindak lanjut #{ $id }</b> — { $status ->
        [open] Terbuka
       *[closed] Ditutup
    }
    👤 { $name } ({ $nip })
    🏢 { $unit } · { $position }
    📋 { $survey } ({ $round })
    Dibuka: { $opened } · Batas: { $due }{ $late ->
        [yes] { " " }⚠️ <b>terlambat</b>
       *[no] {""}
    }
    Penanggung jawab: { $owner }
followup-owner_none = belum ada
followup-owner_you = Anda
followup-owner_other = petugas { $id }
followup-notes_title = <b>Tindakan</b>
followup-note_line = • { $at } — { $text }
followup-no_notes = Belum ada tindakan dicatat.
followup-closing_note = <b>Catatan penutupan</b>: { $text }
followup-btn_take = 🙋 Ambil alih
followup-btn_note = 📝 Catat tindakan
followup-btn_close = ✅ Tutup
followup-btn_move = 🔁 Usulkan mutasi korektif
followup-btn_list = ⬅️ Daftar tindak lanjut
followup-taken = Tindak lanjut #{ $id } sekarang menjadi tanggung jawab Anda.
followup-ask_note = Ketik tindakan yang dilakukan untuk tindak lanjut #{ $id } (mis. <i>ditelepon, pegawai minta dipindah ke unit dekat rumah</i>). Ketik /cancel untuk batal.
followup-noted = 📝 Tindakan dicatat pada tindak lanjut #{ $id }.
followup-ask_close = Ketik catatan penutupan tindak lanjut #{ $id } (hasilnya, mis. <i>pegawai puas setelah penyesuaian tugas</i>). Ketik /cancel untuk batal.
followup-closed = ✅ Tindak lanjut #{ $id } ditutup.
followup-stale = Tindak lanjut ini sudah ditutup atau tidak ada lagi.
followup-plan_name = Koreksi penempatan { $date }
followup-move_intro = 🔁 Mutasi korektif dari tindak lanjut #{ $id }, dalam rencana Draf <i>{ $plan }</i>{ $created ->
        [yes] { " " }(dibuat baru)
       *[no] {""}
    }.
