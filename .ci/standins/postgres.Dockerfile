# Stand-in for the pinned postgres image, built from Debian's PostgreSQL when no registry can be
# reached. It honours the part of the official image's contract that compose.postgres.yml uses:
# POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, a data folder at /var/lib/postgresql/data,
# port 5432 on every interface, and pg_isready on the PATH.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
    && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data
USER postgres
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
