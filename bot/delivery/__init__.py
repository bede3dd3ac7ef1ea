"""Pure delivery logic: pacing, error classification and audience specs (no I/O)."""
