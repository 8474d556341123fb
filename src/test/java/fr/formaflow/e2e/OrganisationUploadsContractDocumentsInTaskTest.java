package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 23: the organisation uploads the six papers the Région asks for at the contract step inside the Tasklist task
 * (each ticked at once), replaces one, removes one and uploads it again, and sends; it never leaves Tasklist. The
 * clicks are counted from the task list to « Envoyer » (53 with the former detour through /dossiers.html).
 */
class OrganisationUploadsContractDocumentsInTaskTest extends JourneyTest {

    static final List<String> SIX = List.of("SUBCONTRACTING_CONTRACT", "SIGNED_AGREEMENT", "TRAINER_CONTRACT", "TRAINER_CHARTER", "TRAINER_CV",
            "TRAINER_ID");
    /** Half of the 53 clicks the step took with the detour. */
    static final int AT_MOST = 26;

    @Test
    void organisationUploadsReplacesRemovesAndSendsInsideTheTask() throws IOException {
        TrainingAction action = dossiers.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Machiniste");
        Map<String, Object> programme = new LinkedHashMap<>(DossierDriver.programme(3));
        // one trainer of its own: the Région then asks for six papers (two for the dossier, four for the trainer)
        String name = Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "").toUpperCase();
        programme.put("trainers", DossierDriver.json("[{\"lastName\":\"Bastide" + name + "\",\"firstName\":\"Lucie\",\"email\":\"lucie."
                + name.toLowerCase() + "@formateurs.fr\",\"domain\":\"Machinerie\",\"status\":\"VACATAIRE\",\"hours\":140,"
                + "\"experience\":\"Machiniste cintrière\"}]"));
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", programme);
        dossiers.approve(action, "CallActivity_ValidateSubmission");
        Path files = Files.createDirectories(Path.of("target", "e2e-files"));

        try (Browser browser = browser("organisation-uploads-contract-documents-in-task")) {
            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            browser.resetClicks();
            openTask(browser, action, "Task_Contract", "Tâches de mon organisme");
            browser.waitForText("Pièces à verser pour cette étape");
            assertThat(slotTypes(browser)).as("only what the funder asks for at this step").containsExactlyInAnyOrderElementsOf(SIX);
            assertThat(browser.pageText()).doesNotContain("localhost:", "/dossiers.html");
            browser.screenshot("pieces-a-verser");

            for (String type : SIX) {
                browser.upload(input(browser, type, "ff-add"), pdf(files, type.toLowerCase() + ".pdf"));
                browser.waitForText("Pièce versée : ");
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                        .until(d -> ticked(browser, type));
            }
            browser.screenshot("six-pieces-cochees");

            browser.upload(input(browser, "SIGNED_AGREEMENT", "ff-replace"), pdf(files, "convention-corrigee.pdf"));
            browser.waitForText("Pièce remplacée : Convention de formation signée par le client");
            browser.waitForText("convention-corrigee.pdf");
            browser.click(row(browser, "TRAINER_CV").findElement(By.xpath(".//button[normalize-space(.)='Supprimer']")));
            browser.waitForText("Pièce supprimée : CV du formateur");
            assertThat(ticked(browser, "TRAINER_CV")).isFalse();
            browser.screenshot("cv-supprime");
            browser.upload(input(browser, "TRAINER_CV", "ff-add"), pdf(files, "cv-a-jour.pdf"));
            browser.waitForText("cv-a-jour.pdf");

            browser.choose("Je confirme avoir versé toutes les pièces signées");
            complete(browser, action, "contractualisation-envoyee");
            int clicks = browser.clicks();
            Files.writeString(Path.of("target", "e2e-screenshots", "organisation-uploads-contract-documents-in-task", "clicks.txt"),
                    "contract step, 6 documents, one replaced, one removed and uploaded again: " + clicks + " clicks\n");
            System.out.println("Contract step with 6 documents: " + clicks + " clicks");
            assertThat(clicks).as("clicks from the task list to « Envoyer »").isLessThanOrEqualTo(AT_MOST);
            assertThat(browser.driver().getWindowHandles()).as("no other tab").hasSize(1);
            assertThat(browser.driver().getCurrentUrl()).as("never left Tasklist").contains("/camunda/app/tasklist/");
        }
        assertThat(dossiers.openTaskKeys(action)).containsExactly("CallActivity_ValidateContract");
        List<String> kept = context.getBean(TransactionTemplate.class).execute(s -> context.getBean(DocumentService.class)
                .of(context.getBean(DossierService.class).get(action.getId())).stream().filter(d -> !d.isGenerated())
                .map(d -> d.getType().name() + ":" + d.getFilename()).toList());
        assertThat(kept).containsExactlyInAnyOrder("SUBCONTRACTING_CONTRACT:subcontracting_contract.pdf", "SIGNED_AGREEMENT:convention-corrigee.pdf",
                "TRAINER_CONTRACT:trainer_contract.pdf", "TRAINER_CHARTER:trainer_charter.pdf", "TRAINER_CV:cv-a-jour.pdf",
                "TRAINER_ID:trainer_id.pdf");
        assertThat(DocumentType.valueOf("SIGNED_AGREEMENT").generated()).isFalse();
    }

    private static List<String> slotTypes(Browser browser) {
        return browser.all(By.cssSelector("#formaflow-dossier .ff-slot")).stream().map(e -> e.getDomAttribute("data-type")).toList();
    }

    private static WebElement row(Browser browser, String type) {
        return browser.visible(By.cssSelector("#formaflow-dossier .ff-slot[data-type='" + type + "']"));
    }

    private static WebElement input(Browser browser, String type, String kind) {
        return browser.visible(By.cssSelector("#formaflow-dossier .ff-slot[data-type='" + type + "'] ." + kind + " input[type=file]"));
    }

    private static boolean ticked(Browser browser, String type) {
        return !browser.all(By.cssSelector("#formaflow-dossier .ff-slot[data-type='" + type + "'] .ff-ok")).isEmpty();
    }

    private static Path pdf(Path directory, String name) throws IOException {
        return Files.write(directory.resolve(name), DossierDriver.pdf());
    }
}
