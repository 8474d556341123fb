package fr.formaflow.documents;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Every document a dossier produces, at its step, with its mandatory contents, in French. */
@FormaflowTest
class DossierPapersTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    DossierPapers papers;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anActionThatDoesNotOpenGetsItsNonOpeningCertificateAndSendingSlipOnly() throws IOException {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.create(ORGANISATION_USER, DossierDriver.REGION, "Accessoiriste");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        driver.approve(action, "CallActivity_ValidateSubmission");
        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");
        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(1));
        driver.approve(action, "CallActivity_ValidateTrainees");
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("opens", "NO",
                "notOpenedReason", "Un seul stagiaire inscrit pour trois places : le groupe n'est pas constitué."));
        driver.approve(action, "CallActivity_ValidateOpening");

        assertThat(text(only(action, DocumentType.NON_OPENING_CERTIFICATE))).contains("Certificat administratif de non-ouverture de stage",
                "Je soussigné(e) ....", "pas ouvert", "prévu le 05/01/2026", "Motif de la non-ouverture déclaré le 01/12/2025 : Un seul stagiaire",
                "Fait à ....");
        assertThat(text(only(action, DocumentType.SENDING_SLIP))).contains("Bordereau d'envoi", "Certificat administratif de non-ouverture")
                .doesNotContain("Liste des stagiaires");
        assertThat(all(action, DocumentType.TRAINEE_LIST_OPENING)).isEmpty();
        assertThat(all(action, DocumentType.OPENING_CERTIFICATE)).isEmpty();
    }

    @Test
    void eachStepProducesItsDocuments() throws IOException {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);

        assertThat(text(only(action, DocumentType.SUBCONTRACTING_CONTRACT_DRAFT))).contains("Contrat de sous-traitance de formation",
                "Scènes et Formations", "Cévennes Gestion", "512 345 679 00017", "€ pour CÉVENNES GESTION");
        String agreement = text(only(action, DocumentType.TRAINING_AGREEMENT));
        assertThat(agreement).contains("Convention de formation professionnelle", "D6353-1", "Accessoiriste de spectacle",
                "Théâtre des Treize Vents", "Maîtriser la fabrication", "du 05/01/2026 au 27/02/2026", "140 h en centre",
                "2\u202f940,00\u00a0€", "Dédit", "Déclaration d'activité enregistrée sous le numéro 76340123434",
                "ne vaut pas agrément de l'État", "préfet de région d'Occitanie", "Page 1 / ");
        assertThat(text(only(action, DocumentType.TRAINING_AGREEMENT_AMENDMENT))).as("the validated trainee list, annexed by amendment")
                .contains("Avenant n° 1 à la convention de formation", "Théâtre des Treize Vents", "STAGIAIREA", "STAGIAIREB");
        assertThat(all(action, DocumentType.CONVOCATION)).hasSize(2);
        assertThat(text(all(action, DocumentType.CONVOCATION).get(0))).contains("Convocation à la formation", "le 05/01/2026", "Clermont-l'Hérault");
        assertThat(text(only(action, DocumentType.TRAINEE_LIST_OPENING))).contains("Liste des stagiaires à l'ouverture", "STAGIAIREA", "STAGIAIREB");
        assertThat(text(only(action, DocumentType.TRAINER_LIST_OPENING))).contains("ROCHER", "Accessoires", "12 ans d'atelier", "140 h");
        assertThat(text(only(action, DocumentType.OPENING_CERTIFICATE))).as("the Région's blank form, pre-filled, to be signed")
                .contains("Certificat administratif d'ouverture de stage", "Je soussigné(e) ....", "a ouvert le 05/01/2026",
                        "2 stagiaire(s) inscrit(s) à l'ouverture", "Fait à ....", "signature du représentant légal", "Cadre réservé au financeur");
        assertThat(text(only(action, DocumentType.SENDING_SLIP))).contains("Bordereau d'envoi", "Liste des stagiaires à l'ouverture",
                "Liste des formateurs à l'ouverture", "Certificat administratif d'ouverture", "Pages", "Observations");
        List<Document> trainerContracts = all(action, DocumentType.TRAINER_CONTRACT_DRAFT);
        assertThat(trainerContracts).hasSize(2);
        assertThat(trainerContracts.stream().map(d -> {
            try {
                return text(d);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList()).anySatisfy(t -> assertThat(t).contains("Lettre de mission du formateur salarié", "Yves ROCHER", "140 h",
                "d'émargement", "Accessoires").doesNotContain("sur facture"))
                .anySatisfy(t -> assertThat(t).contains("Contrat de sous-traitance de formation", "Jacques MEUNIER", "sur facture"));
        List<Document> sheets = all(action, DocumentType.ATTENDANCE_SHEET_BLANK);
        assertThat(sheets).as("one sheet per month of the action").extracting(Document::getMonth).containsExactlyInAnyOrder("2026-01", "2026-02");
        String sheet = text(sheets.stream().filter(d -> d.getMonth().equals("2026-01")).findFirst().orElseThrow());
        assertThat(sheet).contains("Feuille d'émargement — janvier 2026", "Semaine du 05/01/2026", "Formateur : Yves ROCHER", "STAGIAIREA", "5/1", "après-");

        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        driver.runDueJobs(action);
        driver.uploadSignedSheet(action, "2026-01");
        driver.uploadAbsenceProof(action, "2026-01");
        driver.complete(ORGANISATION_USER, action, "Task_DeclareMonth", Map.of("hours", DossierDriver.json(
                "[{\"traineeId\":" + id(action, 0) + ",\"centreCompleted\":70},{\"traineeId\":" + id(action, 1) + ",\"centreCompleted\":63.5,\"centreJustified\":3.5}]"),
                "absences", DossierDriver.json("[{\"traineeId\":" + id(action, 1) + ",\"start\":\"2026-01-13\",\"end\":\"2026-01-13\","
                        + "\"reason\":\"Convocation au tribunal\",\"place\":\"CENTRE\",\"hours\":3.5}]"),
                "confirmed", true));
        assertThat(text(only(action, DocumentType.MONTHLY_SUMMARY))).contains("Déclaration de réalisation périodique — janvier 2026", "63,5", "3,5");

        // a regeneration keeps the former version
        transactions.executeWithoutResult(s -> papers.agreements(driver.reload(action)));
        List<Document> versions = all(action, DocumentType.TRAINING_AGREEMENT);
        assertThat(all(action, DocumentType.TRAINER_CONTRACT_DRAFT)).hasSize(4);
        assertThat(versions).extracting(Document::getVersion).containsExactlyInAnyOrder(1, 2);

        BufferedImage page = render(only(action, DocumentType.TRAINEE_LIST_OPENING));
        assertThat(page.getWidth()).isGreaterThan(500);
        assertThat(darkPixels(page)).as("text is drawn on the page").isGreaterThan(2000);
    }

    /** Seed 000: in portage the platform contracts with and invoices the client; the organisation delivers for it. */
    @Test
    void inPortageTheAgreementBindsThePlatformAndTheClient() throws IOException {
        TrainingAction action = portageSubmissionValidated(new DossierDriver(context), "Régie plateau en portage");
        String agreement = text(only(action, DocumentType.TRAINING_AGREEMENT)).replaceAll("\\s*\n\\s*", " ");
        assertThat(agreement).contains("Portage Formation Sud, organisme de formation (plateforme de portage)",
                "qui contracte avec le client et lui facture la formation", "par Scènes et Formations",
                "contrat de sous-traitance conclu avec Portage Formation Sud", "Théâtre des Treize Vents",
                "Portage Formation Sud facture le prix au client", "Déclaration d'activité enregistrée sous le numéro 76341234534")
                .doesNotContain("Pour le financeur", "ci-après le financeur");
    }

    /**
     * Seed 000 « Signer et verser le contrat de sous-traitance »: in portage the organisation is the platform's
     * subcontractor; the contract is generated for it to sign, and the action is contracted only once the signed copy is on file.
     */
    @Test
    void inPortageTheOrganisationSignsItsSubcontractingContractWithThePlatformBeforeTheContractStepGoesOn() throws IOException {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = portageSubmissionValidated(driver, "Régie plateau sous-traitée");

        String contract = text(only(action, DocumentType.PORTAGE_CONTRACT_DRAFT)).replaceAll("\\s*\n\\s*", " ");
        assertThat(contract).contains("Contrat de sous-traitance de formation en portage",
                "Portage Formation Sud, organisme de formation (plateforme de portage), SIRET 812 345 676 00017",
                "ci-après la plateforme, donneur d'ordre", "Scènes et Formations", "ci-après l'organisme, sous-traitant",
                "Théâtre des Treize Vents", "8 % HT du montant de la formation", "à réception de tous les règlements",
                "Pour la plateforme", "Pour l'organisme (sous-traitant)", "Déclaration d'activité enregistrée sous le numéro 76341234534");
        assertThat(text(only(action, DocumentType.SUBCONTRACTING_CONTRACT_DRAFT))).as("the organisation's own subcontractor keeps its contract")
                .contains("Cévennes Gestion").doesNotContain("plateforme de portage");

        driver.uploadContractDocuments(action, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_Contract",
                        Map.of("documentsConfirmed", true)))
                .hasMessageContaining("La contractualisation ne peut pas être transmise")
                .hasMessageContaining(DocumentType.PORTAGE_CONTRACT.label());
        driver.upload(action, DocumentType.PORTAGE_CONTRACT);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");
        assertThat(driver.mainInstance(action).isEnded()).isFalse();
    }

    @Test
    void closureProducesTheCertificatesOfEachTrainee() throws IOException {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);
        transactions.executeWithoutResult(s -> {
            TrainingAction a = driver.reload(action);
            fr.formaflow.trainee.TraineeService trainees = context.getBean(fr.formaflow.trainee.TraineeService.class);
            trainees.of(a.getId()).forEach(t -> {
                t.exit(java.time.LocalDate.of(2026, 2, 27), "END_OF_TRAINING", null);
                t.validateSkills("ACQUIRED");
                t.selfEvaluate(5, null);
            });
            papers.closure(a);
        });
        assertThat(all(action, DocumentType.COMPLETION_CERTIFICATE)).hasSize(2);
        String certificate = text(all(action, DocumentType.COMPLETION_CERTIFICATE).get(0));
        assertThat(certificate).contains("Certificat de réalisation", "Anna", "Accessoiriste de spectacle", "Action de formation",
                "du 05/01/2026 au 27/02/2026", "durée réalisée", "3 ans", "demandeur(se) d'emploi")
                .as("the driver's trainees are job seekers, not the client's employees").doesNotContain("salarié(e)");
        assertThat(text(all(action, DocumentType.END_OF_TRAINING_CERTIFICATE).get(0)))
                .contains("Attestation de fin de formation", "L6353-1", "Objectifs", "Acquis");
        assertThat(text(only(action, DocumentType.TRAINEE_LIST_CLOSURE))).contains("Fin de formation");
        assertThat(text(only(action, DocumentType.EXIT_SURVEY_REPORT))).contains("Enquête à la sortie", "sans réponse", "0 réponse(s) sur 2");
    }

    // ------------------------------------------------------------------

    /** A portage dossier whose submission the platform has validated: its contract papers are generated. */
    TrainingAction portageSubmissionValidated(DossierDriver driver, String title) {
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.create(ORGANISATION_USER, fr.formaflow.demo.DemoData.PORTAGE, title);
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        driver.approve(action, "CallActivity_ValidateSubmission");
        return action;
    }

    long id(TrainingAction action, int index) {
        return context.getBean(fr.formaflow.trainee.TraineeService.class).of(action.getId()).get(index).getId();
    }

    List<Document> all(TrainingAction action, DocumentType type) {
        return transactions.execute(s -> documents.of(new DossierDriver(context).reload(action)).stream()
                .filter(d -> d.getType() == type).toList());
    }

    Document only(TrainingAction action, DocumentType type) {
        List<Document> found = all(action, type);
        assertThat(found).as(type.name()).hasSize(1);
        return found.get(0);
    }

    String text(Document document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.content(document))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    BufferedImage render(Document document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(documents.content(document))) {
            return new PDFRenderer(pdf).renderImageWithDPI(0, 72);
        }
    }

    static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
