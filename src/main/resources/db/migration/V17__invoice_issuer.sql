-- Invoice numbers are unique per issuing organisation (each has its own gap-free series), not over the whole table:
-- the issuer is kept on the invoice; the unique constraint on the number alone goes in db/vendor/<database>/V17_1.
alter table invoice add column issuer_id bigint;
update invoice set issuer_id = (select a.organisation_id from training_action a where a.id = invoice.action_id);
alter table invoice alter column issuer_id set not null;
