"""The employee's own data: profile, declared skills, export, unlink, language."""
