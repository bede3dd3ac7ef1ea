actor-employee = { $name } (pegawai)
actor-role_hr = { $name } (BKPSDM)
actor-role_approver = { $name } (Pejabat yang Berwenang)
actor-hr = Petugas BKPSDM
actor-approver = Pejabat yang Berwenang
actor-unknown_user = Pengguna bot
actor-cli = Operator (baris perintah)
actor-system = Sistem (otomatis)
