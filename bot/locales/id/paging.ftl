paging-position = Halaman { $page }/{ $pages }
paging-in_document = 📎 Teks lengkapnya terlalu panjang untuk satu pesan; lihat berkas terlampir.
