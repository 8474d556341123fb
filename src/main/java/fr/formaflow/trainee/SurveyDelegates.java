package fr.formaflow.trainee;

import fr.formaflow.dossier.Clock;
import fr.formaflow.dossier.DossierService;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Planifier les enquêtes": 6 months and 1 year after the trainee's own exit date. */
@Configuration
public class SurveyDelegates {

    @Bean
    JavaDelegate planSurveys(DossierService dossiers, TraineeService trainees) {
        return execution -> {
            Trainee trainee = trainees.require(dossiers.get(((Number) execution.getVariable("dossierId")).longValue()),
                    ((Number) execution.getVariable("traineeId")).longValue());
            LocalDate exit = trainee.getExitDate();
            execution.setVariable("sixMonthSurveyDate", at(exit.plusMonths(6)));
            execution.setVariable("oneYearSurveyDate", at(exit.plusYears(1)));
        };
    }

    private static Date at(LocalDate date) {
        return Date.from(date.atStartOfDay(Clock.PARIS).toInstant());
    }
}
