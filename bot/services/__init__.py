"""Long-running services of the bot process: the outbox worker, the scheduler, progress."""
