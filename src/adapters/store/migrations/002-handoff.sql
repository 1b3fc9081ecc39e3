-- Handoff to people: tickets, agents with hashed tokens, internal notes, customer ratings.
CREATE TABLE agents (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);

CREATE TABLE tickets (
  id                 TEXT PRIMARY KEY,
  conversation_id    TEXT NOT NULL REFERENCES conversations (id),
  status             TEXT NOT NULL CHECK (status IN ('waiting', 'assigned', 'transferred', 'resolved', 'released')),
  group_name         TEXT NOT NULL,
  priority           TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  priority_score     REAL NOT NULL,
  reasons            TEXT NOT NULL,
  signals            TEXT NOT NULL,
  summary            TEXT NOT NULL,
  lang               TEXT NOT NULL,
  assignee_id        TEXT REFERENCES agents (id),
  sla_due_at         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  claimed_at         TEXT,
  first_response_at  TEXT,
  resolved_at        TEXT,
  resolution         TEXT,
  updated_at         TEXT NOT NULL
);
CREATE INDEX tickets_queue ON tickets (status, group_name, priority_score DESC, sla_due_at);
-- At most one open ticket per conversation.
CREATE UNIQUE INDEX tickets_open_conversation ON tickets (conversation_id) WHERE status IN ('waiting', 'assigned', 'transferred');

CREATE TABLE ticket_notes (
  id         TEXT PRIMARY KEY,
  ticket_id  TEXT NOT NULL REFERENCES tickets (id),
  agent_id   TEXT NOT NULL REFERENCES agents (id),
  text       TEXT NOT NULL,
  at         TEXT NOT NULL
);

CREATE TABLE ratings (
  conversation_id  TEXT PRIMARY KEY REFERENCES conversations (id),
  score            INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment          TEXT,
  at               TEXT NOT NULL
);

ALTER TABLE messages ADD COLUMN author_id TEXT;
