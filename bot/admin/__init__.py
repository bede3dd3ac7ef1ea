"""HR administration: role grants and registration invites."""
