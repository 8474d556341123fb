package fr.formaflow.process.delegates;

import fr.formaflow.documents.DossierPapers;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks that produce a dossier's documents, each at the step where the seeds need them. */
@Configuration
public class DocumentDelegates {

    private static TrainingAction action(DossierService dossiers, DelegateExecution execution) {
        return dossiers.ofProcess(execution.getProcessBusinessKey());
    }

    private static YearMonth month(DelegateExecution execution) {
        return YearMonth.parse((String) execution.getVariable("month"));
    }

    private static FunderRules rules(DelegateExecution execution) {
        Object rules = execution.getVariable("rules");
        return rules == null ? null : FunderRules.from(rules);
    }

    private static boolean holidaysAllowed(DelegateExecution execution) {
        return FunderRules.from(execution.getVariable("rules")).holidayAttendanceAllowed();
    }

    @Bean
    JavaDelegate generateAgreement(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.agreements(action(dossiers, execution), rules(execution));
    }

    @Bean
    JavaDelegate generateConvocations(DossierPapers papers, DossierService dossiers) {
        return execution -> {
            // the trainee list is validated here: annex it to the agreement (amendment), then invite each trainee
            TrainingAction action = action(dossiers, execution);
            papers.traineeAnnex(action, rules(execution));
            papers.convocations(action);
        };
    }

    @Bean
    JavaDelegate generateOpeningDocuments(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.opening(action(dossiers, execution), rules(execution) != null && rules(execution).openingCertificate());
    }

    @Bean
    JavaDelegate generateNonOpeningDocuments(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.nonOpening(action(dossiers, execution), rules(execution) != null && rules(execution).openingCertificate());
    }

    @Bean
    JavaDelegate generateClosureDocuments(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.closure(action(dossiers, execution));
    }

    @Bean
    JavaDelegate generateFollowUpReport(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.followUpReport(action(dossiers, execution));
    }

    @Bean
    JavaDelegate generateAttendanceSheet(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.blankSheet(action(dossiers, execution), month(execution), holidaysAllowed(execution));
    }

    @Bean
    JavaDelegate generateMonthSummary(DossierPapers papers, DossierService dossiers) {
        return execution -> papers.monthSummary(action(dossiers, execution), month(execution), holidaysAllowed(execution));
    }
}
