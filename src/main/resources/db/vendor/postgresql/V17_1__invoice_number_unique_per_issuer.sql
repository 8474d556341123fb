-- The number was unique over the whole table (PostgreSQL named the constraint invoice_number_key): unique per issuer now.
alter table invoice drop constraint invoice_number_key;
create unique index invoice_number_per_issuer on invoice (issuer_id, number);
