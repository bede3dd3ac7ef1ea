"""move rules: freeze periods, rule overrides, roster columns for the rules, moves out

Adds the election freeze periods (``freeze_periods``), the rules a move goes ahead despite
(``move_rule_overrides``), the roster columns the rules read (sanction level and end,
under examination, study leave end, ikatan dinas end, SKP of the last two years), the
destination agency of a move out and the Minister's written approval of a move, and the
kind of an open position.

Revision ID: 0075
Revises: 0070
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0075"
down_revision: str | None = "0070"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EMPLOYEE_COLUMNS = (
    ("sanction_level", sa.String(length=10), ""),
    ("sanction_until", sa.Date(), None),
    ("under_examination", sa.Boolean(), sa.false()),
    ("study_leave_until", sa.Date(), None),
    ("service_bond_until", sa.Date(), None),
    ("skp_last_year", sa.String(length=20), ""),
    ("skp_year_before", sa.String(length=20), ""),
)
MOVE_COLUMNS = (
    ("to_agency", sa.String(length=200), ""),
    ("freeze_approval_number", sa.String(length=100), ""),
    ("freeze_approval_date", sa.Date(), None),
)


def _add(table: str, columns: tuple[tuple[str, sa.types.TypeEngine, object], ...]) -> None:
    """Add columns; those with a default are NOT NULL with it as the server default."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, type_, default in columns:
            if default is None:
                batch_op.add_column(sa.Column(name, type_, nullable=True))
            else:
                batch_op.add_column(
                    sa.Column(name, type_, nullable=False, server_default=default)  # type: ignore[arg-type]
                )


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "freeze_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_freeze_periods")),
    )
    op.create_table(
        "move_rule_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("move_id", sa.Integer(), nullable=False),
        sa.Column("move_version", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("point", sa.String(length=10), nullable=False),
        sa.Column("judged_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("created_at", storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["move_id"],
            ["plan_moves.id"],
            name=op.f("fk_move_rule_overrides_move_id_plan_moves"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_move_rule_overrides")),
    )
    with op.batch_alter_table("move_rule_overrides", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_move_rule_overrides_move_id"), ["move_id"], unique=False
        )
    _add("employees", EMPLOYEE_COLUMNS)
    _add("plan_moves", MOVE_COLUMNS)
    _add("positions", (("position_kind", sa.String(length=20), ""),))


def downgrade() -> None:
    """Revert this revision."""
    for table, columns in (
        ("positions", ("position_kind",)),
        ("plan_moves", tuple(c[0] for c in MOVE_COLUMNS)),
        ("employees", tuple(c[0] for c in EMPLOYEE_COLUMNS)),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in columns:
                batch_op.drop_column(name)
    with op.batch_alter_table("move_rule_overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_move_rule_overrides_move_id"))
    op.drop_table("move_rule_overrides")
    op.drop_table("freeze_periods")
