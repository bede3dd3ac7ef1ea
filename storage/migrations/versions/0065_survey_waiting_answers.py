"""survey waiting answers; existing anonymous responses rewritten in shuffled order

Anonymous answers now wait in ``survey_waiting_answers`` until a batch is published (see
``bot.surveys.publishing``). Responses stored before this revision were inserted in the
transaction that marked the participation finished, in answering order; they are
rewritten here, shuffled, in this one transaction, so neither their transaction id nor
their row order links them to a participation any more.

Revision ID: 0065
Revises: 0060
"""

import random
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0065"
down_revision: str | None = "0060"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RESPONSES = sa.table(
    "survey_responses",
    sa.column("id", sa.String()),
    sa.column("survey_id", sa.Integer()),
    sa.column("round_id", sa.Integer()),
    sa.column("unit_id", sa.Integer()),
    sa.column("employee_id", sa.Integer()),
    sa.column("answers", sa.JSON()),
)
SURVEYS = sa.table("surveys", sa.column("id", sa.Integer()), sa.column("anonymous", sa.Boolean()))


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "survey_waiting_answers",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_rounds.id"],
            name=op.f("fk_survey_waiting_answers_round_id_survey_rounds"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_survey_waiting_answers_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_survey_waiting_answers_unit_id_units"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_waiting_answers")),
    )
    op.create_index(
        op.f("ix_survey_waiting_answers_round_id"), "survey_waiting_answers", ["round_id"]
    )
    op.create_index(
        op.f("ix_survey_waiting_answers_survey_id"), "survey_waiting_answers", ["survey_id"]
    )
    _reshuffle_anonymous_responses()


def _reshuffle_anonymous_responses() -> None:
    """Delete and re-insert the anonymous responses in random order (one transaction)."""
    bind = op.get_bind()
    anonymous = sa.select(SURVEYS.c.id).where(SURVEYS.c.anonymous.is_(True))
    where = RESPONSES.c.survey_id.in_(anonymous)
    rows = [dict(r._mapping) for r in bind.execute(sa.select(RESPONSES).where(where))]
    if not rows:
        return
    random.SystemRandom().shuffle(rows)
    bind.execute(sa.delete(RESPONSES).where(where))
    bind.execute(sa.insert(RESPONSES), rows)


def downgrade() -> None:
    """Revert this revision (waiting answers are lost: publish them first)."""
    op.drop_index(op.f("ix_survey_waiting_answers_survey_id"), table_name="survey_waiting_answers")
    op.drop_index(op.f("ix_survey_waiting_answers_round_id"), table_name="survey_waiting_answers")
    op.drop_table("survey_waiting_answers")
