package fr.formaflow.trainee;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trainees of an action and their rules: capacity, deletion, exits, evaluations (seed 003 §3.2). */
@Service
@Transactional
public class TraineeService {

    private final TraineeRepository trainees;
    private final TraineeHours hours;

    public TraineeService(TraineeRepository trainees, TraineeHours hours) {
        this.trainees = trainees;
        this.hours = hours;
    }

    public List<Trainee> of(long actionId) {
        return trainees.findByActionIdOrderByLastNameAscFirstNameAsc(actionId);
    }

    /** Trainees of the other actions of the platform, every organisation included, born on that day. */
    public List<EnrolledPerson> bornOnElsewhere(LocalDate birthDate, long actionId) {
        return trainees.findPeopleBornOnElsewhere(birthDate, actionId);
    }

    /**
     * Replaces the action's list with the one entered: new records are added, known ones updated, missing ones
     * deleted (only while no hour is recorded for them). Never more trainees, nor paid trainees, than declared.
     */
    public List<Trainee> replaceAll(TrainingAction action, List<TraineeRecord> records) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            problems.addAll(records.get(i).problems("Stagiaire " + (i + 1), !action.isCollective(),
                    action.getPlannedStart(), action.getPlannedEnd()));
        }
        int headcount = action.getTotalTrainees() == null ? 0 : action.getTotalTrainees();
        if (records.size() > headcount) {
            problems.add("Vous déclarez " + records.size() + " stagiaires pour un effectif total de " + headcount
                    + " : l'effectif déclaré au dépôt du dossier ne peut pas être dépassé.");
        }
        long paid = records.stream().filter(TraineeRecord::paid).count();
        if (paid > action.getPaidTrainees()) {
            problems.add("Vous déclarez " + paid + " stagiaires rémunérés pour un effectif rémunéré de " + action.getPaidTrainees() + ".");
        }
        Map<Long, Trainee> existing = of(action.getId()).stream().collect(Collectors.toMap(Trainee::getId, Function.identity()));
        Set<Long> kept = new HashSet<>();
        for (TraineeRecord record : records) {
            if (record.id() != null) {
                if (!existing.containsKey(record.id())) {
                    problems.add("Le stagiaire n° " + record.id() + " n'appartient pas à ce dossier.");
                }
                kept.add(record.id());
            }
        }
        List<Trainee> removed = existing.values().stream().filter(t -> !kept.contains(t.getId())).toList();
        for (Trainee trainee : removed) {
            if (hours.existsByTraineeId(trainee.getId())) {
                problems.add(trainee.fullName() + " ne peut pas être supprimé(e) : des heures sont déjà enregistrées pour ce stagiaire.");
            }
        }
        BusinessRuleException.throwIfAny("La liste des stagiaires ne peut pas être enregistrée :", problems);
        trainees.deleteAll(removed);
        List<Trainee> saved = new ArrayList<>();
        for (TraineeRecord record : records) {
            Trainee trainee = record.id() == null ? new Trainee(action.getId()) : existing.get(record.id());
            trainee.update(record);
            saved.add(trainees.save(trainee));
        }
        return saved;
    }

    /** Records a trainee's exit: end of training, or early exit with a reason from the funder's list ({@link ExitRules}). */
    public void recordExit(TrainingAction action, Trainee trainee, LocalDate exitDate, String exitType, String earlyExitReason) {
        BusinessRuleException.throwIfAny("La sortie ne peut pas être enregistrée :",
                ExitRules.problems(trainee, exitDate, exitType, earlyExitReason));
        ExitRules.ExitType type = ExitRules.type(exitType);
        trainee.exit(exitDate, type == null ? null : type.name(), type == ExitRules.ExitType.EARLY_EXIT ? earlyExitReason : null);
    }

    public java.util.Optional<Trainee> find(TrainingAction action, long traineeId) {
        return find(action.getId(), traineeId);
    }

    /** The trainee, if it belongs to this dossier (read by ids alone: the dossier itself need not be loaded). */
    public java.util.Optional<Trainee> find(long actionId, long traineeId) {
        return trainees.findById(traineeId).filter(t -> t.getActionId().equals(actionId));
    }

    public Trainee require(TrainingAction action, long traineeId) {
        return require(action.getId(), traineeId);
    }

    public Trainee require(long actionId, long traineeId) {
        return find(actionId, traineeId).orElseThrow(() -> new BusinessRuleException("Le stagiaire n° " + traineeId + " n'appartient pas à ce dossier."));
    }
}
