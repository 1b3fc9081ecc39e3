-- Files sent with messages (images and PDF): the bytes live outside the database (on Node under
-- DATA_DIR/attachments/<conversation_id>/<id>), the record here. `message_id` stays null until a message takes the
-- file, and is set once: a file belongs to one message.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  message_id TEXT,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL CHECK (uploaded_by IN ('customer', 'agent')),
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_by_conversation ON attachments (conversation_id, created_at);
CREATE INDEX attachments_by_message ON attachments (message_id) WHERE message_id IS NOT NULL;
