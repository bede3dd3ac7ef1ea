"""The Telegram face of the bot: one module per feature, each with ``register(app)``."""
