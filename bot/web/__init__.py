"""The bot's own HTTP listener (aiohttp): the webhook, health, readiness, metrics, and mounts.

``server.build_web_app`` assembles the routes; ``server.BotRunner`` runs the Application
with it (webhook mode, or polling with ``METRICS_PORT``) and shuts both down gracefully.
"""
