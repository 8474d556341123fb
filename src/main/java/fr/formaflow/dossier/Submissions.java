package fr.formaflow.dossier;

import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.Trainers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organisation declares at submission and changes afterwards: the programme, its trainers (each found or
 * created once per organisation) and its subcontractors; every problem is named at once and nothing is written then.
 */
@Service
@Transactional
public class Submissions {

    private final DossierService dossiers;
    private final OrganisationRepository organisations;
    private final Trainers trainers;

    public Submissions(DossierService dossiers, OrganisationRepository organisations, Trainers trainers) {
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.trainers = trainers;
    }

    public void submit(long dossierId, Programme programme, List<TrainerEntry> entries, List<String> subcontractorSirets) {
        TrainingAction action = dossiers.get(dossierId);
        List<String> problems = new ArrayList<>();
        List<TrainerAssignment> assignments = trainerAssignments(action, entries, problems);
        int trainerProblems = problems.size();
        List<Long> subcontractors = subcontractors(action, subcontractorSirets, problems);
        if (!problems.isEmpty()) {
            List<String> all = new ArrayList<>(programme.problems());
            all.addAll(problems);
            Map<String, List<String>> fields = new LinkedHashMap<>(programme.problemsByField());
            if (trainerProblems > 0) {
                fields.put("trainers", List.copyOf(problems.subList(0, trainerProblems)));
            }
            if (problems.size() > trainerProblems) {
                fields.put("subcontractors", List.copyOf(problems.subList(trainerProblems, problems.size())));
            }
            throw new BusinessRuleException(TrainingAction.NOT_SUBMITTED, all, fields);
        }
        action.submit(programme, assignments);
        action.declareSubcontractors(subcontractors);
    }

    /** Each declared subcontractor is an organisation known to Formaflow, other than the titular. */
    private List<Long> subcontractors(TrainingAction action, List<String> sirets, List<String> problems) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < sirets.size(); i++) {
            String line = "Sous-traitant " + (i + 1) + " : ";
            String siret = sirets.get(i) == null ? null : sirets.get(i).replaceAll("\\s", "");
            String invalid = Siret.problemWith(siret);
            if (invalid != null) {
                problems.add(line + invalid);
                continue;
            }
            Optional<Organisation> organisation = organisations.findBySiret(siret);
            if (organisation.isEmpty()) {
                problems.add(line + "aucun organisme n'a le SIRET " + siret + " : le sous-traitant doit d'abord avoir un compte Formaflow.");
            } else if (organisation.get().getId().equals(action.getOrganisation().getId())) {
                problems.add(line + "le titulaire ne peut pas être son propre sous-traitant.");
            } else if (!ids.contains(organisation.get().getId())) {
                ids.add(organisation.get().getId());
            }
        }
        return ids;
    }

    /** After an approved change request: the new list of trainers of the action. */
    public void updateTrainers(long dossierId, List<TrainerEntry> entries) {
        TrainingAction action = dossiers.get(dossierId);
        List<String> problems = new ArrayList<>();
        List<TrainerAssignment> assignments = trainerAssignments(action, entries, problems);
        if (assignments.isEmpty()) {
            problems.add("Au moins un formateur est obligatoire.");
        }
        BusinessRuleException.throwIfAny("La liste des formateurs ne peut pas être enregistrée :", problems);
        action.replaceTrainers(assignments);
    }

    private List<TrainerAssignment> trainerAssignments(TrainingAction action, List<TrainerEntry> entries, List<String> problems) {
        List<TrainerAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TrainerEntry e = entries.get(i);
            String line = "Formateur " + (i + 1);
            int before = problems.size();
            if (e.lastName() == null || e.firstName() == null) {
                problems.add(line + " : le nom et le prénom sont obligatoires.");
            }
            if (e.domain() == null) {
                problems.add(line + " : le champ « Domaine d'intervention » est obligatoire.");
            }
            if (e.hours() == null || e.hours().signum() <= 0) {
                problems.add(line + " : le nombre d'heures assurées doit être supérieur à zéro.");
            }
            if (e.experience() == null) {
                problems.add(line + " : le champ « Formation et expérience professionnelle » est obligatoire.");
            }
            Trainer.Status status = null;
            try {
                status = e.status() == null ? null : Trainer.Status.valueOf(e.status());
            } catch (IllegalArgumentException ex) {
                problems.add(line + " : le statut « " + e.status() + " » n'est pas reconnu (CDI, CDD ou vacataire).");
            }
            if (status == null && e.status() == null) {
                problems.add(line + " : le champ « Statut » est obligatoire.");
            }
            if (problems.size() > before) {
                continue;
            }
            Long organisationId = action.getOrganisation().getId();
            Trainer trainer = trainers.findOrCreate(organisationId, e.lastName(), e.firstName());
            trainer.update(e.email(), e.domain(), status, e.experience());
            if (assignments.stream().anyMatch(a -> a.trainerId().equals(trainer.getId()))) {
                problems.add(line + " : " + trainer.fullName() + " figure deux fois dans la liste.");
                continue;
            }
            assignments.add(new TrainerAssignment(trainer.getId(), e.hours()));
        }
        return assignments;
    }
}
