-- Context for agents: the page the customer was on (as the widget last said), and a customer's earlier conversations
-- found by the profile's id or e-mail without reading every conversation's profile.
ALTER TABLE conversations ADD COLUMN page TEXT;
CREATE INDEX conversations_customer_id ON conversations (json_extract(customer, '$.id'))
  WHERE json_extract(customer, '$.id') IS NOT NULL;
CREATE INDEX conversations_customer_email ON conversations (lower(json_extract(customer, '$.email')))
  WHERE json_extract(customer, '$.email') IS NOT NULL;
-- The latest ticket of each earlier conversation, without scanning the tickets.
CREATE INDEX IF NOT EXISTS tickets_conversation_created ON tickets (conversation_id, created_at);
