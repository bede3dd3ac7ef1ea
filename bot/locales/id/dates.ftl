# Dates and times typed by users (bot.i18n.date_input): formats, examples, refusals.
dates-hint_date = format <b>HH-BB-TTTT</b>, mis. <i>{ $example }</i>; bisa juga <i>31 Desember 2026</i>, <i>besok</i>, <i>lusa</i> atau nama hari (<i>Senin</i>)
dates-hint_datetime = format <b>HH-BB-TTTT JJ.MM</b>, mis. <i>{ $example }</i>; bisa juga <i>besok jam 8</i> atau <i>Senin pukul 14.30</i>
dates-unreadable = ⚠️ "{ $value }" tidak dapat dibaca sebagai tanggal. Ketik misalnya <i>{ $example }</i>, <i>31 Desember 2026</i> atau <i>besok</i>.
dates-no_such_day = ⚠️ Tanggal "{ $value }" tidak ada di kalender. Periksa hari dan bulannya, mis. <i>{ $example }</i>.
dates-no_such_time = ⚠️ Jam pada "{ $value }" tidak dapat dibaca. Ketik jam 00.00 sampai 23.59, mis. <i>08.00</i> atau <i>jam 8</i>.
dates-out_of_range = ⚠️ Tahun pada "{ $value }" terlalu jauh. Ketik tanggal seperti <i>{ $example }</i>.
dates-weekday_mismatch = ⚠️ Nama hari pada "{ $value }" tidak cocok: tanggal itu jatuh pada { $date }.
dates-no_time = ⚠️ Cukup ketik tanggalnya saja, tanpa jam, mis. <i>{ $example }</i>.
dates-need_time = ⚠️ Sebutkan juga jamnya, mis. <i>{ $date } 08.00</i> atau <i>{ $example }</i>.
dates-past = ⚠️ { $value } sudah lewat (sekarang { $now }). Ketik waktu yang akan datang, mis. <i>{ $example }</i>.
