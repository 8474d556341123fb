package fr.formaflow.process.delegates;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.FollowUpSurvey;
import fr.formaflow.trainee.SurveySchedule;
import fr.formaflow.trainee.SurveyStatuses;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The follow-up of one trainee: "Planifier les enquêtes" (6 months and 1 year after the trainee's own exit date,
 * with their reminder and deadline), "Relancer l'organisme" and "Signaler l'enquête en retard".
 */
@Configuration
public class SurveyDelegates {

    @Bean
    JavaDelegate planSurveys(DossierRouting routing, TraineeService trainees) {
        return execution -> {
            // the trainee by ids: the dossier itself need not be loaded
            LocalDate exit = trainees.require(routing.dossierId(execution), traineeId(execution)).getExitDate();
            for (FollowUpSurvey.Kind kind : FollowUpSurvey.Kind.values()) {
                String prefix = kind == FollowUpSurvey.Kind.SIX_MONTHS ? "sixMonth" : "oneYear";
                execution.setVariable(prefix + "SurveyDate", at(SurveySchedule.surveyDate(exit, kind)));
                execution.setVariable(prefix + "ReminderDate", at(SurveySchedule.reminderDate(exit, kind)));
                execution.setVariable(prefix + "OverdueDate", at(SurveySchedule.deadline(exit, kind).plusDays(1)));
            }
        };
    }

    /** 15 days after the survey's date, the organisation's users are reminded by e-mail. */
    @Bean
    JavaDelegate remindSurvey(DossierService dossiers, TraineeService trainees, SurveyStatuses statuses, Notifications notifications) {
        return execution -> {
            Pending p = Pending.of(execution, dossiers, trainees, statuses);
            notifications.sendAndEmail(p.action().getOrganisation().getGroupId(), p.action().getId(), "Relance : " + p.about(),
                    "Bonjour,\n\nL'" + p.what() + " est à saisir dans Formaflow avant le " + p.deadline()
                            + ". Passé cette date, le financeur la verra en retard.\n\nFormaflow");
        };
    }

    /** After the deadline, the survey is overdue: the funder and the organisation are told. */
    @Bean
    JavaDelegate reportOverdueSurvey(DossierService dossiers, TraineeService trainees, SurveyStatuses statuses, Notifications notifications) {
        return execution -> {
            Pending p = Pending.of(execution, dossiers, trainees, statuses);
            String body = "Bonjour,\n\nL'" + p.what() + " (organisme " + p.action().getOrganisation().getName()
                    + ") devait être saisie au plus tard le " + p.deadline() + ". Elle est en retard.\n\nFormaflow";
            notifications.sendAndEmail(p.action().getOrganisation().getGroupId(), p.action().getId(), "En retard : " + p.about(), body);
            notifications.sendAndEmail(p.action().getValidatorGroupId(), p.action().getId(), "En retard : " + p.about(), body);
        };
    }

    /** The survey a reminder or an overdue notice is about: the trainee's first unanswered one. */
    private record Pending(TrainingAction action, Trainee trainee, FollowUpSurvey.Kind kind) {

        static Pending of(DelegateExecution execution, DossierService dossiers, TraineeService trainees, SurveyStatuses statuses) {
            TrainingAction action = dossiers.ofProcess(execution.getProcessBusinessKey());
            Trainee trainee = trainees.require(action, traineeId(execution));
            return new Pending(action, trainee, statuses.pending(trainee.getId()));
        }

        String about() {
            return SurveyDelegates.what(kind) + " de " + trainee.fullName() + " (contrat n° " + action.getContractNumber() + ")";
        }

        String what() {
            return SurveyDelegates.what(kind) + " de " + trainee.fullName() + " (action « " + action.getTitle() + " », contrat n° "
                    + action.getContractNumber() + ")";
        }

        String deadline() {
            return French.date(SurveySchedule.deadline(trainee.getExitDate(), kind));
        }
    }

    private static String what(FollowUpSurvey.Kind kind) {
        return kind == FollowUpSurvey.Kind.SIX_MONTHS ? "enquête à 6 mois" : "enquête à 1 an";
    }

    private static long traineeId(DelegateExecution execution) {
        return ((Number) execution.getVariable("traineeId")).longValue();
    }

    private static Date at(LocalDate date) {
        return Date.from(date.atStartOfDay(Clock.PARIS).toInstant());
    }
}
