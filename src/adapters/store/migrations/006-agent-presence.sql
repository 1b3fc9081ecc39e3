-- Assignment: whether an agent is taking conversations (online, away), when their console last said so, and when
-- they were last given a ticket (auto-assignment goes round the online agents in that order).
ALTER TABLE agents ADD COLUMN presence TEXT NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline'));
ALTER TABLE agents ADD COLUMN seen_at TEXT;
ALTER TABLE agents ADD COLUMN last_assigned_at TEXT;
CREATE INDEX tickets_assignee ON tickets (assignee_id, status) WHERE assignee_id IS NOT NULL;
