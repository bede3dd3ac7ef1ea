"""several instances: the instances table (heartbeat, lease) and periodic job ticks

``instances`` lists the running bot processes with the lease their outbox claims hang on;
``periodic_runs`` lets one instance run each tick of a repeating job.

Revision ID: 0078
Revises: 0076
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0078"
down_revision: str | None = "0076"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DT = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "instances",
        sa.Column("id", sa.String(length=60), nullable=False),
        sa.Column("host", sa.String(length=100), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", UTC_DT, nullable=False),
        sa.Column("heartbeat_at", UTC_DT, nullable=False),
        sa.Column("lease_until", UTC_DT, nullable=False),
        sa.Column("stopped_at", UTC_DT, nullable=True),
        sa.Column("sending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instances")),
    )
    op.create_table(
        "periodic_runs",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("due_at", UTC_DT, nullable=False),
        sa.Column("last_run_at", UTC_DT, nullable=True),
        sa.Column("last_owner", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_periodic_runs")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("periodic_runs")
    op.drop_table("instances")
