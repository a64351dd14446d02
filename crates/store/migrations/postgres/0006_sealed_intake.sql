-- Intake free text sealed at rest (PostgreSQL): each value is sealed on its own (see
-- crates/store/src/crypto) into a BYTEA twin of its text column. New rows leave the text
-- column empty ('' or NULL); rows written before this migration keep their text until the
-- next start or `kindred keys rotate` seals it (`Database::seal_pending`). Reads use the
-- sealed value when there is one, else the text.

ALTER TABLE intake_requests ADD COLUMN contact_sealed BYTEA;
ALTER TABLE intake_requests ADD COLUMN availability_sealed BYTEA;
-- NULL when no screening is attached, like `screening`.
ALTER TABLE intake_requests ADD COLUMN screening_sealed BYTEA;
ALTER TABLE intake_requests ADD COLUMN referral_sealed BYTEA;
ALTER TABLE intake_requests ADD COLUMN message_sealed BYTEA;

ALTER TABLE intake_request_events ADD COLUMN note_sealed BYTEA;
