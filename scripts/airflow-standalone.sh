#!/usr/bin/env bash
# `make airflow`: Airflow 3 standalone on 127.0.0.1 with marketmon's DAGs and the bundled sample sources.
# Everything Airflow keeps (SQLite metadata DB, logs, the generated admin password) goes to data/airflow/.
# Settings: .env in the repository root, if present (see .env.example), then these variables:
#   AIRFLOW_PORT (8080), MARKETMON_CONFIG (the sample config), MARKETMON_DB (data/marketmon.duckdb).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${MARKETMON_VENV_BIN:-$ROOT/.venv/bin}"

if [ -f "$ROOT/.env" ]; then
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.env"
  set +a
fi

PORT="${AIRFLOW_PORT:-8080}"
export AIRFLOW_HOME="${MARKETMON_AIRFLOW_HOME:-$ROOT/data/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$ROOT/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=False
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:///$AIRFLOW_HOME/airflow.db"
export AIRFLOW__API__HOST=127.0.0.1
export AIRFLOW__API__PORT="$PORT"
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="http://127.0.0.1:$PORT/execution/"
export AIRFLOW__LOGGING__BASE_LOG_FOLDER="$AIRFLOW_HOME/logs"
# marketmon: absolute paths, because task processes do not run in the repository folder.
export MARKETMON_CONFIG="${MARKETMON_CONFIG:-$ROOT/pipeline/samples/marketmon.yaml}"
export MARKETMON_DB="${MARKETMON_DB:-$ROOT/data/marketmon.duckdb}"
export PATH="$BIN:$PATH"

# Failure notices use Airflow's slack_api_default connection: derive it from the bot token when set.
if [ -n "${SLACK_BOT_TOKEN:-}" ] && [ -z "${AIRFLOW_CONN_SLACK_API_DEFAULT:-}" ]; then
  AIRFLOW_CONN_SLACK_API_DEFAULT="$("$BIN/python" -c 'import json, os; print(json.dumps({"conn_type": "slack", "password": os.environ["SLACK_BOT_TOKEN"], "extra": {"base_url": os.environ.get("SLACK_API_BASE_URL") or "https://slack.com/api/"}}))')"
  export AIRFLOW_CONN_SLACK_API_DEFAULT
fi

mkdir -p "$AIRFLOW_HOME" "$(dirname "$MARKETMON_DB")"
airflow db migrate >/dev/null
airflow pools set marketmon_duckdb 1 "DuckDB takes one writing process per file" >/dev/null

cat <<INFO
marketmon on Airflow: http://127.0.0.1:$PORT  (user admin; password in $AIRFLOW_HOME/simple_auth_manager_passwords.json.generated)
  DAGs:     $AIRFLOW__CORE__DAGS_FOLDER
  config:   $MARKETMON_CONFIG
  database: $MARKETMON_DB (analysts: marketmon query reads the snapshot beside it)
  trigger:  AIRFLOW_HOME=$AIRFLOW_HOME $BIN/airflow dags trigger ingest_news
            or drop a document into the config's inbox folder
INFO

exec airflow standalone
