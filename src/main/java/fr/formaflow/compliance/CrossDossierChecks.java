package fr.formaflow.compliance;

import fr.formaflow.attendance.Schedule;
import fr.formaflow.compliance.DoubleEnrolment.Enrolment;
import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.EnrolledPerson;
import fr.formaflow.trainee.TraineeRecord;
import fr.formaflow.trainee.TraineeService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks across the platform's dossiers, of every organisation: a funder would see a person funded twice for the same
 * days. The organisation learns that and the day, not who the other organisation is.
 */
@Service
@Transactional(readOnly = true)
public class CrossDossierChecks {

    private final TraineeService trainees;
    private final DossierService dossiers;

    public CrossDossierChecks(TraineeService trainees, DossierService dossiers) {
        this.trainees = trainees;
        this.dossiers = dossiers;
    }

    /** Refuses, before anything is written, a trainee list where someone already trains in another action on the same days. */
    public void requireNoDoubleEnrolment(TrainingAction action, List<TraineeRecord> records) {
        List<String> problems = new ArrayList<>();
        for (TraineeRecord record : records) {
            if (record.birthDate() == null || record.lastName() == null || record.firstName() == null) {
                continue; // the trainee's own checks name the missing field
            }
            String person = DoubleEnrolment.personKey(record.lastName(), record.firstName(), record.birthDate());
            Enrolment here = new Enrolment(trainingDays(action), record.entryDate() != null ? record.entryDate() : action.getPlannedStart(),
                    action.getRealEnd() != null ? action.getRealEnd() : action.getPlannedEnd());
            for (EnrolledPerson other : trainees.bornOnElsewhere(record.birthDate(), action.getId())) {
                if (!person.equals(DoubleEnrolment.personKey(other.lastName(), other.firstName(), other.birthDate()))) {
                    continue;
                }
                TrainingAction elsewhere = dossiers.get(other.actionId());
                if (elsewhere.getPhase() == DossierPhase.REFUSED || elsewhere.getPhase() == DossierPhase.NOT_OPENED) {
                    continue;
                }
                Optional<LocalDate> shared = DoubleEnrolment.firstSharedDay(here, enrolment(elsewhere, other));
                shared.ifPresent(day -> problems.add(record.firstName().strip() + " " + record.lastName().strip().toUpperCase()
                        + " (né(e) le " + French.date(record.birthDate()) + ") suit déjà " + which(action, elsewhere)
                        + " aux mêmes dates, à partir du " + French.date(day) + " : une même personne ne peut pas être financée deux fois "
                        + "pour les mêmes journées. Retirez ce stagiaire, ou corrigez sa date d'entrée ou la date de sortie de l'autre action."));
            }
        }
        BusinessRuleException.throwIfAny("La liste des stagiaires ne peut pas être enregistrée :", problems);
    }

    private static Enrolment enrolment(TrainingAction action, EnrolledPerson trainee) {
        LocalDate end = trainee.exitDate() != null ? trainee.exitDate()
                : action.getRealEnd() != null ? action.getRealEnd() : action.getPlannedEnd();
        return new Enrolment(trainingDays(action), trainee.entryDate() != null ? trainee.entryDate() : action.getPlannedStart(), end);
    }

    /** Every day of its centre and company periods: a public holiday worked by one funder's rules is still a day. */
    private static java.util.function.Predicate<LocalDate> trainingDays(TrainingAction action) {
        Schedule schedule = new Schedule(action.getPeriods(), true);
        return day -> schedule.placeOn(day).isPresent();
    }

    /** The other action by its number when it is the organisation's own; another organisation's stays unnamed. */
    private static String which(TrainingAction action, TrainingAction elsewhere) {
        return elsewhere.getOrganisation().getId().equals(action.getOrganisation().getId())
                ? "l'action " + elsewhere.getContractNumber() + " « " + elsewhere.getTitle() + " »"
                : "une action financée d'un autre organisme";
    }
}
