#!/bin/sh
# HAProxy external check: succeeds when the PostgreSQL node at $3:$4
# accepts writes (out of recovery, not read-only). pg_auto_failover keeps a
# node read-only while it waits for the old primary's demotion, so this
# never routes writes to a node its monitor has not made primary yet.
answer=$(psql -X -q -A -t \
  "host=$3 port=$4 user=postgres dbname=postgres connect_timeout=1" \
  -c "select not pg_is_in_recovery() and current_setting('transaction_read_only') = 'off'" \
  2>/dev/null)
[ "$answer" = "t" ]
