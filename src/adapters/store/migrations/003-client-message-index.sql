-- Messages without a unique index entry per message on client_message_id: most messages carry none, and the
-- old table constraint still indexed every NULL, dirtying a page of a conversation-keyed index per write.
-- SQLite cannot drop a table constraint, so the table is rebuilt (migrations run with foreign keys checked at the end).
CREATE TABLE messages_new (
  id                 TEXT PRIMARY KEY,
  conversation_id    TEXT NOT NULL REFERENCES conversations (id),
  seq                INTEGER NOT NULL,
  role               TEXT NOT NULL CHECK (role IN ('customer', 'bot', 'agent', 'system')),
  text               TEXT NOT NULL,
  at                 TEXT NOT NULL,
  client_message_id  TEXT,
  reply_to           TEXT REFERENCES messages (id),
  reply              TEXT,
  author_id          TEXT,
  UNIQUE (conversation_id, seq)
);
INSERT INTO messages_new (id, conversation_id, seq, role, text, at, client_message_id, reply_to, reply, author_id)
  SELECT id, conversation_id, seq, role, text, at, client_message_id, reply_to, reply, author_id FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE UNIQUE INDEX messages_client_message ON messages (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL;
CREATE UNIQUE INDEX messages_reply_to ON messages (reply_to) WHERE reply_to IS NOT NULL;
