"""The ``asn-bot`` argument tree (HR features half): matching, aspirations, broadcasts,
plans and surveys. Like ``bot.cli.parsers``, standard library only: each subcommand's
module is imported when it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.cli.parsers import runs
from bot.surveys import CLOSE_AFTER_DAYS  # a constant of a constants-only package


def add_matching(sub: Any) -> None:
    """Add ``match``, ``competences import|list`` and ``import positions``."""
    p = runs(sub.add_parser("match", help="rank open positions for every employee"),
             "bot.cli.match:cmd_match")  # fmt: skip
    p.add_argument("--employees", type=Path, help="employees CSV (default: database)")
    p.add_argument("--positions", type=Path, help="positions CSV (default: open positions in DB)")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--out", type=Path, default=Path("predictions.csv"))
    p.add_argument("--locale", default=None)
    comp = sub.add_parser("competences", help="the competence dictionary (kamus kompetensi)")
    comp_sub = comp.add_subparsers(dest="competences_cmd", required=True)
    imp = comp_sub.add_parser("import", help="add competences/variants from YAML, JSON or CSV")
    runs(imp, "bot.cli.matching:cmd_competences_import")
    imp.add_argument("file", type=Path)
    imp.add_argument("--locale", default=None)
    lst = comp_sub.add_parser("list", help="list the competences (packaged + HR's)")
    runs(lst, "bot.cli.matching:cmd_competences_list")
    lst.add_argument("--locale", default=None)


def add_aspirations(sub: Any) -> None:
    """Add ``aspirations open|close|extend|export|list``."""
    p = sub.add_parser("aspirations", help="transfer aspiration windows and export")
    asp = p.add_subparsers(dest="aspirations_command", required=True)
    o = runs(asp.add_parser("open", help="open a window"), "bot.cli.aspirations:cmd_open")
    o.add_argument("--name", required=True)
    o.add_argument("--until", required=True, help="last day, DD-MM-YYYY (local time)")
    o.add_argument(
        "--from", dest="start", default=None, help="first day, DD-MM-YYYY (default: now)"
    )
    o.add_argument("--units", nargs="*", default=[], help="limit to these units (names/abbrev.)")
    runs(asp.add_parser("close", help="close the open window"), "bot.cli.aspirations:cmd_close")
    e = asp.add_parser("extend", help="move the end of the latest window")
    runs(e, "bot.cli.aspirations:cmd_extend")
    e.add_argument("--until", required=True, help="new last day, DD-MM-YYYY (local time)")
    x = asp.add_parser("export", help="export the latest window's aspirations")
    runs(x, "bot.cli.aspirations:cmd_export")
    x.add_argument("--out", required=True, help="FILE.xlsx or FILE.csv")
    x.add_argument("--window", type=int, default=None, help="window id (default: latest)")
    runs(asp.add_parser("list", help="list windows"), "bot.cli.aspirations:cmd_list")


def add_broadcast(sub: Any) -> None:
    """Add ``broadcast send|status|list|cancel``."""
    parser = sub.add_parser("broadcast", help="send and inspect broadcasts")
    bsub = parser.add_subparsers(dest="broadcast_command", required=True)
    send = runs(bsub.add_parser("send", help="queue or schedule a broadcast"),
                "bot.cli.broadcast:cmd_send")  # fmt: skip
    send.add_argument("--audience", required=True, help="all | unit:NAME | role:ROLE")
    send.add_argument("--text", required=True)
    send.add_argument("--title", default="")
    send.add_argument("--parse-mode", choices=["HTML", "MarkdownV2"], default=None)
    send.add_argument("--at", default=None, help='local time "DD-MM-YYYY HH.MM"')
    status = bsub.add_parser("status", help="figures of one broadcast")
    runs(status, "bot.cli.broadcast:cmd_status").add_argument("id", type=int)
    listing = bsub.add_parser("list", help="recent broadcasts")
    runs(listing, "bot.cli.broadcast:cmd_list").add_argument("--limit", type=int, default=20)
    cancel = bsub.add_parser("cancel", help="cancel a scheduled or unfinished broadcast")
    runs(cancel, "bot.cli.broadcast:cmd_cancel").add_argument("id", type=int)


def add_plans(sub: Any) -> None:
    """Add ``plans list|export``, ``import workload`` and ``import moves``."""
    plans = sub.add_parser("plans", help="mutation plans")
    group = plans.add_subparsers(dest="plans_command", required=True)
    runs(group.add_parser("list", help="list plans"), "bot.cli.plans:cmd_list")
    export = group.add_parser("export", help="export a plan's moves and audit trail to XLSX")
    runs(export, "bot.cli.plans:cmd_export")
    export.add_argument("plan_id", type=int)
    export.add_argument("--out", type=Path, required=True)


def add_surveys(sub: Any) -> None:
    """Add ``survey import|list|send``."""
    parser = sub.add_parser("survey", help="satisfaction surveys")
    ssub = parser.add_subparsers(dest="survey_command", required=True)
    imp = ssub.add_parser("import", help="create or update a survey from FILE.yaml|json")
    runs(imp, "bot.cli.surveys:cmd_import").add_argument("file")
    runs(ssub.add_parser("list", help="list surveys"), "bot.cli.surveys:cmd_list")
    send = ssub.add_parser("send", help="send a survey to an audience now or later")
    runs(send, "bot.cli.surveys:cmd_send")
    send.add_argument("id", type=int)
    send.add_argument("--audience", required=True, help="all | unit:NAME | employees:1,2")
    send.add_argument("--at", default=None, help='local time "DD-MM-YYYY HH.MM" (default: now)')
    send.add_argument("--days", type=int, default=CLOSE_AFTER_DAYS, help="open for N days")
    send.add_argument("--label", default="", help="round name (default: the date)")


def add_rules(sub: Any) -> None:
    """Add ``freeze add|list|remove`` and ``rules rotation-due``."""
    freeze = sub.add_parser("freeze", help="election freeze periods (/periode_larangan)")
    fsub = freeze.add_subparsers(dest="freeze_command", required=True)
    add = runs(fsub.add_parser("add", help="add a freeze period"), "bot.cli.rules:cmd_freeze_add")
    add.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    add.add_argument("--until", required=True, help="last day, YYYY-MM-DD")
    add.add_argument("--name", default="", help='e.g. "Pilkada 2029"')
    runs(fsub.add_parser("list", help="list freeze periods"), "bot.cli.rules:cmd_freeze_list")
    remove = fsub.add_parser("remove", help="remove a freeze period")
    runs(remove, "bot.cli.rules:cmd_freeze_remove").add_argument("id", type=int)
    rules = sub.add_parser("rules", help="move rules")
    rsub = rules.add_subparsers(dest="rules_command", required=True)
    due = rsub.add_parser("rotation-due", help="employees due for rotation (5+ years in post)")
    runs(due, "bot.cli.rules:cmd_rotation_due")
    due.add_argument("--on", default=None, help="judged on YYYY-MM-DD (default: today)")
