-- Issue 11: under row-level security a condition on the status enum is never an index condition (enum_eq is not
-- leakproof), so a team's ongoing list read every handover of its organisation (38k rows for the biggest partner at
-- 1m handovers) to keep the team's accepted and started ones. The partial index's predicate still selects it.
CREATE INDEX "handovers_team_ongoing_idx" ON "handovers" USING btree ("target_team_id","updated_at") WHERE "handovers"."status" in ('accepted', 'started');