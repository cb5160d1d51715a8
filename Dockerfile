# marketmon on Airflow 3: the official image plus the project's own pinned, hashed lock.
# Built by docker-compose.yml (`docker compose build`); the DAGs are also mounted from ./dags there.
FROM apache/airflow:3.3.2-python3.11

ENV MARKETMON_HOME=/opt/marketmon \
    MARKETMON_DB=/opt/marketmon/data/marketmon.duckdb \
    PIP_DISABLE_PIP_VERSION_CHECK=1

USER root
RUN mkdir -p /opt/marketmon/data && chown -R airflow:0 /opt/marketmon && chmod -R g+rwX /opt/marketmon
USER airflow
WORKDIR /opt/marketmon

# Dependencies first, so code changes do not reinstall them. Every pin of the lock is installed exactly,
# with its hash checked; --no-deps because the lock is complete, and so the image's own extras (the
# postgres and celery providers, psycopg2, redis) stay as the image ships them.
COPY --chown=airflow:0 requirements.lock /opt/marketmon/requirements.lock
RUN pip install --no-cache-dir --require-hashes --no-deps -r /opt/marketmon/requirements.lock

# The project itself, editable, so the bundled sample config and inbox live at a known path
# (/opt/marketmon/pipeline/samples) that compose can mount an inbox over.
COPY --chown=airflow:0 pyproject.toml README.md /opt/marketmon/
COPY --chown=airflow:0 pipeline /opt/marketmon/pipeline
COPY --chown=airflow:0 storage /opt/marketmon/storage
COPY --chown=airflow:0 alerts /opt/marketmon/alerts
RUN pip install --no-cache-dir --no-deps -e /opt/marketmon

COPY --chown=airflow:0 dags /opt/airflow/dags
COPY --chown=airflow:0 scripts/airflow-standalone.sh /opt/marketmon/scripts/airflow-standalone.sh

WORKDIR /opt/airflow
