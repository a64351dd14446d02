-- A program's on-call clinician: the clinician or administrator who receives crisis alerts
-- of the program's groups. NULL = no one yet; if the account is ever deleted the program
-- goes back to no one rather than pointing at a person who is gone.
ALTER TABLE programs ADD COLUMN on_call_id TEXT REFERENCES accounts (id) ON DELETE SET NULL;
