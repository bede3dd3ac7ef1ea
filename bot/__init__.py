"""ASN mutation consultation bot: configuration, wiring, texts, CLI and domain rules."""
