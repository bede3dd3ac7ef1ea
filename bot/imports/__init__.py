"""One pipeline for every HR file import (roster, positions, workload, moves).

``kinds.ImportKind`` says how one kind of file is read, validated and written;
``registry`` names the kinds; ``pipeline`` runs them (reading and validation before the
database transaction, writing inside the caller's); ``report.ImportReport`` is what every
import returns and ``render`` turns it into text for the chat and the CLI.
"""
