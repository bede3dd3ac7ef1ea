"""The HR roster (pegawai): validation, column mapping, reading, importing, demo data."""
