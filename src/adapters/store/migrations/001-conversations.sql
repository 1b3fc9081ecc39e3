-- Conversations, messages and the append-only event log.
CREATE TABLE conversations (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL,
  lang        TEXT,
  customer    TEXT NOT NULL DEFAULT '{}',
  channel     TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('bot', 'waiting', 'assigned', 'transferred', 'resolved')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE messages (
  id                 TEXT PRIMARY KEY,
  conversation_id    TEXT NOT NULL REFERENCES conversations (id),
  seq                INTEGER NOT NULL,
  role               TEXT NOT NULL CHECK (role IN ('customer', 'bot', 'agent', 'system')),
  text               TEXT NOT NULL,
  at                 TEXT NOT NULL,
  client_message_id  TEXT,
  reply_to           TEXT REFERENCES messages (id),
  reply              TEXT,
  UNIQUE (conversation_id, seq),
  UNIQUE (conversation_id, client_message_id)
);
CREATE UNIQUE INDEX messages_reply_to ON messages (reply_to) WHERE reply_to IS NOT NULL;

CREATE TABLE events (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id  TEXT NOT NULL REFERENCES conversations (id),
  type             TEXT NOT NULL,
  actor            TEXT NOT NULL,
  at               TEXT NOT NULL,
  data             TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_conversation ON events (conversation_id, seq);
CREATE INDEX events_type_at ON events (type, at);

-- Small key/value facts about the database itself (readiness probes write here).
CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
