package fr.formaflow.compliance;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.compliance.FunderChecklists.Item;
import fr.formaflow.compliance.FunderChecklists.StepChecklist;
import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** What each funder asks for at each step, from the dossier's start, ticked off as it comes in. */
@FormaflowTest
class FunderChecklistsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    FunderChecklists checklists;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    List<StepChecklist> checklist(DossierDriver driver, TrainingAction action) {
        return transactions.execute(s -> checklists.of(driver.reload(action)));
    }

    static StepChecklist step(List<StepChecklist> all, String step) {
        return all.stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void theChecklistIsShownFromTheStartAndTicksOffWhatArrives() {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régie plateau");

        List<StepChecklist> atStart = checklist(driver, action);
        assertThat(atStart).extracting(StepChecklist::step).containsExactly("SUBMISSION", "CONTRACT", "TRAINEES", "OPENING", "MONTH",
                "EVALUATION", "CLOSURE");
        assertThat(step(atStart, "SUBMISSION").items()).extracting(Item::label).contains("Formacode", "Client(s) de l'action");
        assertThat(step(atStart, "SUBMISSION").items()).filteredOn(i -> i.label().equals("Formacode")).allMatch(i -> !i.present());
        assertThat(step(atStart, "CONTRACT").items()).extracting(Item::label)
                .contains("Convention de formation signée par le client").allSatisfy(label -> assertThat(label).isNotBlank());
        assertThat(step(atStart, "CLOSURE").items()).extracting(Item::label).as("the Région asks for no OPCO agreement")
                .doesNotContain("Accord de prise en charge de l'OPCO");

        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        assertThat(step(checklist(driver, action), "SUBMISSION").items()).allMatch(Item::present);
        driver.approve(action, "CallActivity_ValidateSubmission");
        // what a task's « Dossier » panel shows: the same items, each with the paper it asks for, computed when shown
        List<FunderChecklists.Requirement> contract = transactions.execute(s -> checklists.requirements(driver.reload(action), "CONTRACT"));
        assertThat(contract).filteredOn(r -> r.document() == fr.formaflow.documents.DocumentType.SIGNED_AGREEMENT).singleElement()
                .satisfies(r -> assertThat(r.item()).isEqualTo(new Item("Convention de formation signée par le client", false)));
        assertThat(contract.stream().map(FunderChecklists.Requirement::item).toList()).isEqualTo(step(checklist(driver, action), "CONTRACT").items());

        driver.uploadContractDocuments(action);
        assertThat(step(checklist(driver, action), "CONTRACT").items()).allMatch(Item::present);
        List<FunderChecklists.Requirement> complete = transactions.execute(s -> checklists.requirements(driver.reload(action), "CONTRACT"));
        assertThat(complete).allMatch(r -> r.item().present());
    }

    @Test
    void anOpcoAsksForTheFundingAgreementAtClosureAndAPortagePlatformToo() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction opco = driver.create("sophie.martin", DemoData.OPCO, "Aide-soignant");
        assertThat(step(checklist(driver, opco), "CLOSURE").items()).extracting(Item::label).contains("Accord de prise en charge de l'OPCO");
        TrainingAction portage = driver.create(ORGANISATION_USER, DemoData.PORTAGE, "Régie son");
        assertThat(step(checklist(driver, portage), "CLOSURE").items()).extracting(Item::label).contains("Accord de prise en charge de l'OPCO");
    }
}
