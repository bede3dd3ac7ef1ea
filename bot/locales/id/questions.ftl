cmd-tanya_bkpsdm = Tanya BKPSDM (pertanyaan umum, di luar usulan mutasi)
menu-tanya_bkpsdm = 💬 Tanya BKPSDM
cmd-pertanyaan = Pertanyaan umum pegawai dan target waktu jawab (BKPSDM)
menu-pertanyaan = 💬 Pertanyaan umum
cmd-faq = Ubah daftar tanya-jawab (FAQ) untuk pegawai (BKPSDM)
menu-faq = 📚 FAQ
questions-faq_title =
    💬 <b>Tanya BKPSDM</b>
    Mungkin jawabannya sudah ada di sini. Pilih pertanyaan, atau tekan "Pertanyaan saya tidak ada".
questions-faq_empty =
    💬 <b>Tanya BKPSDM</b>
    Tulis pertanyaan Anda untuk BKPSDM dengan tombol di bawah.
questions-btn_not_here = ✍️ Pertanyaan saya tidak ada
questions-btn_ask = ✍️ Tulis pertanyaan
questions-btn_faq = ⬅️ Daftar pertanyaan
questions-faq_answer =
    ❓ <b>{ $question }</b>

    { $answer }
questions-faq_gone = Pertanyaan ini sudah tidak ada di daftar. Ketik /tanya_bkpsdm untuk melihat daftar terbaru.
questions-ask = Ketik pertanyaan Anda untuk BKPSDM (maks. { NUMBER($limit) } karakter). BKPSDM menjawab dalam { $days } hari kerja. Ketik /cancel untuk batal.
questions-sent = ✅ Pertanyaan Anda (#{ $id }) sudah diteruskan ke BKPSDM. Jawabannya dikirim lewat chat ini, paling lambat { $due }.
questions-refused = Pertanyaan tidak dapat dikirim karena akun Anda tidak terhubung dengan pegawai aktif.
questions-hr_notice = 💬 Pertanyaan umum baru #{ $id } dari pegawai (target jawab { $days } hari kerja). Buka /pertanyaan.
questions-queue_none = Tidak ada pertanyaan umum yang menunggu jawaban.
questions-queue_title =
    💬 <b>Pertanyaan umum menunggu jawaban</b>: { NUMBER($count) }, terlambat: { NUMBER($overdue) } (halaman { $page }/{ $pages })
    Target waktu jawab: { $days } hari kerja. Yang terlambat ditampilkan lebih dulu.
questions-queue_line =
    { $late ->
        [yes] ⚠️
       *[no] •
    } #{ $id } <b>{ $name }</b> ({ $nip }) · { $unit }
    ditanyakan { $asked } · batas { $due }{ $late ->
        [yes] { " " }<b>terlambat</b>
       *[no] {""}
    }
    <i>{ $text }</i>
questions-btn_answer = ✍️ Jawab #{ $id }
questions-already = Pertanyaan #{ $id } sudah dijawab.
questions-ask_answer =
    Pertanyaan #{ $id }:
    <i>{ $text }</i>

    Ketik jawaban Anda (dikirim ke pegawai). Ketik /cancel untuk batal.
questions-answered = ✅ Jawaban untuk pertanyaan #{ $id } dikirim ke pegawai.
questions-answered_undelivered = Jawaban untuk pertanyaan #{ $id } disimpan, tetapi tidak dapat dikirim: akun pegawai tidak lagi terhubung atau tidak aktif.
questions-answer_to_employee =
    💬 <b>Jawaban BKPSDM</b>
    Pertanyaan Anda: <i>{ $question }</i>

    { $answer }
faq-admin_title = 📚 <b>FAQ</b>: { NUMBER($count) } entri, tampil di /tanya_bkpsdm. Pilih entri untuk mengubah atau menghapusnya, atau tambah entri baru.
faq-admin_empty = 📚 <b>FAQ</b> masih kosong. Tambahkan entri pertama; pegawai melihatnya di /tanya_bkpsdm.
faq-btn_add = ➕ Tambah entri
faq-entry_button = #{ $id } { $question }
faq-entry_card =
    📚 <b>FAQ #{ $id }</b>
    🇮🇩 Pertanyaan: { $q_id }
    🇮🇩 Jawaban: { $a_id }
    🇬🇧 Question: { $q_en }
    🇬🇧 Answer: { $a_en }
faq-empty_text = (kosong)
faq-btn_edit = { $field ->
        [question_id] ✏️ Pertanyaan (ID)
        [answer_id] ✏️ Jawaban (ID)
        [question_en] ✏️ Pertanyaan (EN)
       *[answer_en] ✏️ Jawaban (EN)
    }
faq-btn_remove = 🗑 Hapus
faq-btn_remove_yes = 🗑 Ya, hapus
faq-btn_list = ⬅️ Daftar FAQ
faq-ask_q_id = Ketik <b>pertanyaan dalam Bahasa Indonesia</b> (maks. { NUMBER($limit) } karakter), atau ketik - bila entri ini hanya dalam Bahasa Inggris. Ketik /cancel untuk batal.
faq-ask_a_id = Ketik <b>jawabannya dalam Bahasa Indonesia</b>.
faq-ask_q_en = Ketik <b>pertanyaan dalam Bahasa Inggris</b> (maks. { NUMBER($limit) } karakter), atau ketik - untuk melewati Bahasa Inggris.
faq-ask_a_en = Ketik <b>jawabannya dalam Bahasa Inggris</b>.
faq-answer_required = Jawaban tidak boleh dilewati; ketik jawabannya.
faq-need_language = Entri perlu pertanyaan dan jawaban dalam sekurang-kurangnya satu bahasa. Mulai lagi: ketik pertanyaan dalam Bahasa Indonesia, atau - untuk melewatinya.
faq-added = ✅ Entri FAQ #{ $id } ditambahkan.
faq-ask_edit =
    Teks sekarang: <i>{ $current }</i>

    Ketik teks baru, atau - untuk mengosongkannya. Ketik /cancel untuk batal.
faq-edited = ✅ Entri FAQ #{ $id } diubah.
faq-incomplete = Tidak disimpan: entri harus tetap punya pertanyaan dan jawaban dalam sekurang-kurangnya satu bahasa.
faq-gone = Entri FAQ ini sudah tidak ada.
faq-confirm_remove = Hapus entri FAQ #{ $id }? Pegawai tidak akan melihatnya lagi.
faq-removed = 🗑 Entri FAQ #{ $id } dihapus.
