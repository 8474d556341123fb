-- The organisation's attestation that it holds the proof of every justified absence of a month (issue 22), accepted
-- instead of the uploaded proofs where the funder's rules allow it.
alter table monthly_declaration add column absences_attested boolean default false not null;
