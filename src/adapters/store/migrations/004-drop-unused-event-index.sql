-- No query reads the events by (type, at): the feeds read by sequence number, per conversation or all, and
-- the KPIs scan by time. The index only cost every event append a second index entry.
DROP INDEX IF EXISTS events_type_at;
