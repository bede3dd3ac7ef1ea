"""Command-line interface ``asn-bot``: one module per group of subcommands."""
