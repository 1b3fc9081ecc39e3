-- Intake: what the articles behind a handoff said a person will need, and what the customer sent while waiting
-- (JSON: { "requested": [...], "values": { kind: value } }); null for tickets opened before intake existed.
ALTER TABLE tickets ADD COLUMN intake TEXT;
