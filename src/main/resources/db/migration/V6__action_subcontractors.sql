-- The organisations a titular declares as its subcontractors for an action (seed 003: "Nombre de sous-traitants").
create table action_subcontractor (
    action_id       bigint not null references training_action (id),
    organisation_id bigint not null references organisation (id),
    primary key (action_id, organisation_id)
);
