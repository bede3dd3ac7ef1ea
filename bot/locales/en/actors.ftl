actor-employee = { $name } (employee)
actor-role_hr = { $name } (BKPSDM)
actor-role_approver = { $name } (authorised official)
actor-hr = BKPSDM officer
actor-approver = Authorised official
actor-unknown_user = Bot user
actor-cli = Operator (command line)
actor-system = System (automatic)
