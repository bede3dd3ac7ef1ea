# ASN Mutasi Bot: a slim image that runs as a non-root user.
# Dependencies come pinned and hash-checked from requirements.lock (refresh with
# scripts/lock.sh); the bot's own code is copied in and run as `python -m bot`.
#   docker build -t asn-bot .
#   docker run --env-file .env asn-bot            # polling + SQLite in the /app/data volume
# compose.yaml runs two instances in webhook mode behind Caddy (docs/deploy.md).

FROM python:3.11-slim AS deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.lock /tmp/requirements.lock
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.lock

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    DATABASE_URL=sqlite+aiosqlite:////app/data/asn_bot.sqlite3
RUN groupadd --system --gid 10001 asnbot \
 && useradd --system --uid 10001 --gid asnbot --home-dir /app --shell /usr/sbin/nologin asnbot \
 && printf '#!/bin/sh\nexec python -m bot "$@"\n' > /usr/local/bin/asn-bot \
 && chmod 0755 /usr/local/bin/asn-bot
COPY --from=deps /opt/venv /opt/venv
WORKDIR /app
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY deploy/healthcheck.py /usr/local/lib/asn-bot/healthcheck.py
RUN python -m compileall -q bot handlers storage \
 && mkdir -p /app/data && chown asnbot:asnbot /app/data
USER asnbot
VOLUME ["/app/data"]
EXPOSE 8443
# Webhook mode: GET /healthz on the bot's own port (database reachable, schema at head).
# Polling mode has no HTTP server; the check then only says the process runs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "/usr/local/lib/asn-bot/healthcheck.py"]
STOPSIGNAL SIGTERM
CMD ["asn-bot", "run"]
