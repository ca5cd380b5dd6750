-- Least-privilege roles for a pxl ledger on PostgreSQL (what `pxl init --roles` runs).
-- Replace "exchanges" with the ledger database and pxl_ with your prefix.
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pxl_writer') THEN CREATE ROLE pxl_writer LOGIN; END IF; END $$;
GRANT CONNECT ON DATABASE "exchanges" TO pxl_writer;
GRANT USAGE ON SCHEMA public TO pxl_writer;
REVOKE ALL ON entries, documents, sources, claims, corrections, alembic_version, effective_claims FROM pxl_writer;
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pxl_reader') THEN CREATE ROLE pxl_reader LOGIN; END IF; END $$;
GRANT CONNECT ON DATABASE "exchanges" TO pxl_reader;
GRANT USAGE ON SCHEMA public TO pxl_reader;
REVOKE ALL ON entries, documents, sources, claims, corrections, alembic_version, effective_claims FROM pxl_reader;
REVOKE ALL ON append_lock FROM pxl_reader;
REVOKE ALL ON FUNCTION pxl_analyze() FROM pxl_reader;
GRANT SELECT, INSERT ON entries, documents, sources, claims, corrections TO pxl_writer;
GRANT SELECT, UPDATE ON append_lock TO pxl_writer;
GRANT EXECUTE ON FUNCTION pxl_analyze() TO pxl_writer;
GRANT SELECT ON alembic_version, effective_claims TO pxl_writer;
GRANT SELECT ON entries, documents, sources, claims, corrections, alembic_version, effective_claims TO pxl_reader;
-- `pxl init --roles` then refuses roles that can do more (SUPERUSER, CREATEROLE, CREATEDB,
-- REPLICATION, BYPASSRLS, membership of another role, UPDATE/DELETE/TRUNCATE on a ledger table).
