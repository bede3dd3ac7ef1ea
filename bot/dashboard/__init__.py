"""The HR dashboard: a Telegram Mini App served by the bot process under ``/dasbor/``.

``initdata`` checks Telegram's signed launch data, ``access`` turns it into a viewer with
roles (loaded as the chat handlers load them), the ``api_*`` modules answer the JSON API
through the same domain services the chat uses, ``routes.mount_dashboard`` adds it all to an
aiohttp application, and ``server`` runs that application on its own port in polling mode.
"""
