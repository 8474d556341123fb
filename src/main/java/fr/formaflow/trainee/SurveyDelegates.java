package fr.formaflow.trainee;

import fr.formaflow.dossier.Clock;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.French;
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
    JavaDelegate planSurveys(DossierService dossiers, TraineeService trainees) {
        return execution -> {
            LocalDate exit = trainee(execution, dossiers, trainees).getExitDate();
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
            TrainingAction action = dossiers.get(dossierId(execution));
            Trainee trainee = trainee(execution, dossiers, trainees);
            FollowUpSurvey.Kind kind = statuses.pending(trainee.getId());
            notifications.sendAndEmail(action.getOrganisation().getGroupId(), action.getId(),
                    "Relance : " + what(kind) + " de " + trainee.fullName() + " (contrat n° " + action.getContractNumber() + ")",
                    "Bonjour,\n\nL'" + what(kind) + " de " + trainee.fullName() + " (action « " + action.getTitle()
                            + " », contrat n° " + action.getContractNumber() + ") est à saisir dans Formaflow avant le "
                            + French.date(SurveySchedule.deadline(trainee.getExitDate(), kind))
                            + ". Passé cette date, le financeur la verra en retard.\n\nFormaflow");
        };
    }

    /** After the deadline, the survey is overdue: the funder and the organisation are told. */
    @Bean
    JavaDelegate reportOverdueSurvey(DossierService dossiers, TraineeService trainees, SurveyStatuses statuses, Notifications notifications) {
        return execution -> {
            TrainingAction action = dossiers.get(dossierId(execution));
            Trainee trainee = trainee(execution, dossiers, trainees);
            FollowUpSurvey.Kind kind = statuses.pending(trainee.getId());
            String subject = "En retard : " + what(kind) + " de " + trainee.fullName() + " (contrat n° " + action.getContractNumber() + ")";
            String body = "Bonjour,\n\nL'" + what(kind) + " de " + trainee.fullName() + " (action « " + action.getTitle()
                    + " », contrat n° " + action.getContractNumber() + ", organisme " + action.getOrganisation().getName()
                    + ") devait être saisie au plus tard le " + French.date(SurveySchedule.deadline(trainee.getExitDate(), kind))
                    + ". Elle est en retard.\n\nFormaflow";
            notifications.sendAndEmail(action.getOrganisation().getGroupId(), action.getId(), subject, body);
            notifications.sendAndEmail(action.getFunder().getValidatorGroupId(), action.getId(), subject, body);
        };
    }

    private static String what(FollowUpSurvey.Kind kind) {
        return kind == FollowUpSurvey.Kind.SIX_MONTHS ? "enquête à 6 mois" : "enquête à 1 an";
    }

    private static long dossierId(DelegateExecution execution) {
        return ((Number) execution.getVariable("dossierId")).longValue();
    }

    private static Trainee trainee(DelegateExecution execution, DossierService dossiers, TraineeService trainees) {
        return trainees.require(dossiers.get(dossierId(execution)), ((Number) execution.getVariable("traineeId")).longValue());
    }

    private static Date at(LocalDate date) {
        return Date.from(date.atStartOfDay(Clock.PARIS).toInstant());
    }
}
