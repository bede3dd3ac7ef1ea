admin-invite_ask_nip = Ketik NIP pegawai yang akan diundang (18 digit; spasi boleh). Tautan pendaftaran sekali pakai akan dibuat untuknya.
admin-invite_bad_nip = NIP tidak valid: { $reason }
admin-invite_not_found = NIP tersebut tidak ada di data pegawai. Impor roster terlebih dahulu atau periksa NIP.
admin-invite_created =
    Tautan undangan untuk <b>{ $name }</b> (sekali pakai, berlaku sampai { $expires }):
    { $link }
    Kirimkan tautan ini hanya kepada pegawai yang bersangkutan.
cmd-undangan = Buat tautan undangan pendaftaran (BKPSDM)
menu-undangan = 🔗 Undangan
