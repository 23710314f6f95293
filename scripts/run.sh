#!/usr/bin/env bash
# Starts Hygie on one machine: action server, Rasa server, reminder worker, chat page,
# staff console.
# Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
WEB_PORT=${WEB_PORT:-8080}
CONSOLE_PORT=${HYGIE_CONSOLE_PORT:-8081}
mkdir -p var

# The HTTP API always runs with a token: from the environment, or generated once.
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then
  [ -s var/rasa_token ] || { umask 077; "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(32))' > var/rasa_token; }
  RASA_AUTH_TOKEN=$(cat var/rasa_token)
fi
export RASA_AUTH_TOKEN

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping Hygie..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# The practice (practitioners, opening hours, appointment types): loaded or updated from
# HYGIE_PRACTICE_FILE (default data/practice/demo.yml) before anything can book.
"$BIN/python" -m actions.practice load ${HYGIE_PRACTICE_FILE:+"$HYGIE_PRACTICE_FILE"}

# The chat page's public URL: the data export's one-time links point there.
export HYGIE_WEBCHAT_URL="${HYGIE_WEBCHAT_URL:-http://localhost:${WEB_PORT}}"

# The action server has no authentication: it listens on localhost only (SANIC_HOST).
SANIC_HOST=127.0.0.1 "$BIN/python" -m rasa_sdk --actions actions --port "$ACTION_PORT" &
pids+=($!)

sed "s#localhost:5055#localhost:${ACTION_PORT}#" endpoints.yml > var/endpoints.run.yml
# `rasa run` with its token read from RASA_AUTH_TOKEN (never on the command line, which
# `ps` shows to every user) and bound to RASA_INTERFACE (default 127.0.0.1).
# Its socket.io channel accepts only the chat page's origins.
HYGIE_WEBCHAT_ORIGINS="${HYGIE_WEBCHAT_ORIGINS:-http://localhost:${WEB_PORT},http://127.0.0.1:${WEB_PORT}}" \
"$BIN/python" -m connectors.rasa_server --model models/hygie.tar.gz \
  --endpoints var/endpoints.run.yml --credentials credentials.yml --port "$RASA_PORT" \
  --enable-api --cors "http://localhost:${WEB_PORT}" "http://127.0.0.1:${WEB_PORT}" &
pids+=($!)

# The reminder worker: delivers due reminders through Rasa's HTTP API (with the token),
# and deletes what is past its retention period (the tracker store named in the endpoints).
RASA_URL="http://127.0.0.1:${RASA_PORT}" HYGIE_ENDPOINTS=var/endpoints.run.yml \
  "$BIN/python" -m actions.worker &
pids+=($!)

# The chat page's server reads the history with the token; the browser never sees it.
RASA_URL="http://127.0.0.1:${RASA_PORT}" RASA_PUBLIC_URL="${RASA_PUBLIC_URL:-http://localhost:${RASA_PORT}}" \
  "$BIN/python" scripts/serve_webchat.py "$WEB_PORT" &
pids+=($!)

# The staff console (localhost only by default): the care team answers referrals there.
RASA_URL="http://127.0.0.1:${RASA_PORT}" HYGIE_CONSOLE_PORT="$CONSOLE_PORT" \
  "$BIN/python" -m console &
pids+=($!)

echo "Waiting for the Rasa server to load the model..."
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:${RASA_PORT}/" >/dev/null; then break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "A Hygie process stopped early; see the log above." >&2; exit 1; }; done
  sleep 1
done
echo
echo "  Hygie is ready. Chat here: http://localhost:${WEB_PORT}/"
echo "  Staff console: http://localhost:${CONSOLE_PORT}/"
echo "    (accounts: $BIN/python -m actions.staff add <username> --name \"Infirmière Dupont\")"
echo "  (Ctrl-C to stop)"
echo
wait -n "${pids[@]}"
