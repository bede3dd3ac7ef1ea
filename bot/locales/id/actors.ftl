actor-employee = { $name } (pegawai)
actor-role_hr = { $name } (BKPSDM)
actor-role_approver = { $name } (PPK)
actor-hr = Petugas BKPSDM
actor-approver = PPK
actor-unknown_user = Pengguna bot
actor-cli = Operator (baris perintah)
actor-system = Sistem (otomatis)
