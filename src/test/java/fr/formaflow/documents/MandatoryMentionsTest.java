package fr.formaflow.documents;

import static fr.formaflow.documents.DocumentFixtures.action;
import static fr.formaflow.documents.DocumentFixtures.rules;
import static fr.formaflow.documents.DocumentFixtures.text;
import static fr.formaflow.documents.DocumentFixtures.trainee;
import static fr.formaflow.documents.DocumentFixtures.trainers;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.trainee.Trainee;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HoursSummary;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.dossier.Place;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every generated document read back as text (PDFBox), against the list of mentions the law or the funders require:
 * one table per document, mention → the text that proves it.
 */
class MandatoryMentionsTest {

    static final List<Trainee> TRAINEES = List.of(trainee("STAGIAIREA", "Anna", "NONE"), trainee("STAGIAIREB", "Bruno", "UNDER_6_MONTHS"));

    // ---- Convention de formation: L6353-1, L6353-2, R6353-1, D6353-1 ------------------------------------------------

    static final String[][] AGREEMENT = {
            {"legal basis", "L6353-1"},
            {"organisation's identity and NDA", "Scènes et Formations"},
            {"client's identity", "Théâtre des Treize Vents"},
            {"title, nature of the action", "Accessoiriste de spectacle"},
            {"objectives", "Maîtriser la fabrication"},
            {"programme", "module 2 : fabrication"},
            {"duration", "140 h en centre"},
            {"dates", "du 05/01/2026 au 27/02/2026"},
            {"venue's street address", "12 rue de l'Arc, 34800 Clermont-l'Hérault"},
            {"daily schedule", "9 h 00 à 12 h 30"},
            {"daily schedule, afternoon", "13 h 30 à"},
            {"trainer list", "Yves ROCHER"},
            {"trainer list, second trainer", "Léa DUPONT"},
            {"trainers' qualifications", "12 ans d'atelier"},
            {"nominative annex", "Annexe — liste nominative des stagiaires"},
            {"annex lists the trainees", "STAGIAIREB"},
            {"price HT", "Prix total : 3\u202f010,00 € HT"},
            {"VAT exemption", "TVA non applicable, art. 261-4-4° a du CGI"},
            {"payment timetable", "une facture par mois"},
            {"payment due period", "à 30 jours de sa date d'émission"},
            {"late-payment penalties", "40 €"},
            {"cancellation clause (dédit)", "Dédit"},
            {"signature of the organisation", "Pour l'organisme de formation"},
            {"signature of the client", "Pour le client"},
            {"signature of the funder", "Pour le financeur"},
            {"NDA mention", "Déclaration d'activité enregistrée sous le numéro 76340123434"},
            {"NDA disclaimer", "ne vaut pas agrément de l'État"},
    };

    @Test
    void theTrainingAgreementCarriesEveryMandatoryMention() {
        TrainingAction a = action(false);
        String text = text(TrainingAgreementPdf.render(a, parties(a, TRAINEES)));
        assertMentions(text, AGREEMENT);
    }

    @Test
    void anAgreementOfAVatLiableOrganisationStatesTheVatAndThePriceIncludingIt() {
        TrainingAction a = action(true);
        String text = text(TrainingAgreementPdf.render(a, parties(a, TRAINEES)));
        assertMentions(text, new String[][] {
                {"price HT", "Prix total HT"}, {"VAT at 20 %", "TVA (20 %)"}, {"VAT amount", "602,00"},
                {"price TTC", "Prix total TTC"}, {"TTC amount", "3\u202f612,00"}});
        assertThat(text).doesNotContain("TVA non applicable");
    }

    @Test
    void beforeTheTraineesExistTheAgreementAnnouncesTheAnnexAndTheAmendmentCarriesIt() {
        TrainingAction a = action(false);
        assertThat(flat(text(TrainingAgreementPdf.render(a, parties(a, List.of()))))).contains("sera annexée à la présente convention par avenant")
                .doesNotContain("Annexe — liste nominative");
        assertMentions(text(TrainingAgreementPdf.amendment(a, parties(a, TRAINEES))), new String[][] {
                {"title", "Avenant n° 1 à la convention de formation"}, {"parties", "Théâtre des Treize Vents"},
                {"the agreement it amends", "contrat n° 2026QCA0001"}, {"nominative list", "STAGIAIREA"}, {"birth date", "11/03/1991"},
                {"signatures", "Pour le client"}});
    }

    // ---- Convention de formation in portage (seed 000): the platform contracts with and invoices the client ----------

    static final String[][] PORTAGE_AGREEMENT = {
            {"the platform is the training organisation, with its SIRET",
                    "Portage Formation Sud, organisme de formation (plateforme de portage), SIRET 81234567600017"},
            {"the platform's NDA", "déclaration d'activité n° 76341234534"},
            {"the platform contracts with and invoices the client", "qui contracte avec le client et lui facture la formation"},
            {"client's identity", "et Théâtre des Treize Vents, SIRET 77566820500013"},
            {"the organisation delivers the action for the platform",
                    "réalisée, pour le compte de l'organisme de formation et sous sa responsabilité, par Scènes et Formations"},
            {"the organisation's identity and NDA", "SIRET 51234567900017, déclaration d'activité n° 76340123434"},
            {"under a subcontracting contract with the platform", "contrat de sous-traitance conclu avec Portage Formation Sud"},
            {"the platform invoices the client, or its OPCO by subrogation", "Portage Formation Sud facture le prix au client"},
            {"OPCO share", "subrogation"},
            {"the organisation does not invoice the client", "L'organisme réalisateur ne facture pas le client"},
            {"signature of the platform", "Pour l'organisme de formation"},
            {"the platform's NDA mention", "Déclaration d'activité enregistrée sous le numéro 76341234534 auprès du préfet de région d'Occitanie"},
    };

    @Test
    void inPortageThePlatformContractsWithTheClientAndTheOrganisationDeliversForIt() {
        TrainingAction a = action(DocumentFixtures.portagePlatform(), false);
        String text = flat(text(TrainingAgreementPdf.render(a, parties(a, TRAINEES))));
        assertMentions(text, PORTAGE_AGREEMENT);
        // the action's own mentions are the same as outside portage: only the parties, payment and signatures differ
        assertMentions(text, java.util.Arrays.stream(AGREEMENT).filter(m -> !m[0].startsWith("organisation's identity")
                && !m[0].startsWith("signature of the organisation") && !m[0].startsWith("signature of the funder")
                && !m[0].startsWith("NDA mention") && !m[0].startsWith("payment timetable")).toArray(String[][]::new));
        assertThat(text).as("no third party: the platform is not a funder of the client")
                .doesNotContain("ci-après le financeur", "Pour le financeur", "Le prix est payé par Portage Formation Sud")
                .as("the contracting organisation's mention is the platform's, not the organisation's")
                .doesNotContain("numéro 76340123434 auprès du préfet");
        String amendment = flat(text(TrainingAgreementPdf.amendment(a, parties(a, TRAINEES))));
        assertMentions(amendment, new String[][] {
                {"the same parties", "Entre Portage Formation Sud, SIRET 81234567600017, organisme de formation, et Théâtre des Treize Vents"},
                {"the organisation that delivers", "réalisée par Scènes et Formations pour le compte de Portage Formation Sud"},
                {"the platform's NDA mention", "numéro 76341234534"}, {"signatures", "Pour le client"}});
        assertThat(amendment).doesNotContain("Pour le financeur");
    }

    // ---- Convocation: the practical information, and the règlement intérieur (L6353-8) ------------------------------

    static final String[][] CONVOCATION = {
            {"trainee's name", "Madame Anna STAGIAIREA"},
            {"title of the action", "Accessoiriste de spectacle"},
            {"first day and time", "le 05/01/2026 à 9 h 00"},
            {"venue's street address", "12 rue de l'Arc, 34800 Clermont-l'Hérault"},
            {"daily schedule", "le matin de 9 h 00 à 12 h 30 et l'après-midi de 13 h 30 à 17 h 00"},
            {"programme: objectives", "Maîtriser la fabrication des accessoires"},
            {"programme: content", "module 2 : fabrication"},
            {"règlement intérieur attached", "règlement intérieur"},
            {"its legal basis", "L6353-8"},
            {"contact", "contact@scenes-formations.fr"},
            {"NDA mention", "Déclaration d'activité enregistrée sous le numéro 76340123434"},
    };

    @Test
    void theConvocationCarriesEveryMandatoryMention() {
        assertMentions(text(ConvocationPdf.render(action(false), TRAINEES.get(0))), CONVOCATION);
    }

    // ---- Feuille d'émargement (case law, funders' controls) ------------------------------------------------------------

    static final String[][] ATTENDANCE_SHEET = {
            {"title and month", "Feuille d'émargement — février 2026"},
            {"action and contract", "contrat n° 2026QCA0001"},
            {"module", "Module : Accessoiriste de spectacle"},
            {"place of a centre half-day", "En centre"},
            {"a half-day column: day, morning, times", "lun. 2/2 matin 9 h 00 – 12 h 30"},
            {"afternoon start and end", "lun. 2/2 après-midi 13 h 30 – 17 h 00"},
            {"trainer's printed name", "Formateur : Yves ROCHER (signature)"},
            {"second trainer's printed name", "Formateur : Léa DUPONT (signature)"},
            {"company period shown as such", "Période en entreprise"},
            {"tutor's row", "Tuteur en entreprise (nom et signature)"},
            {"a row per trainee", "STAGIAIREB Bruno"},
    };

    @Test
    void theAttendanceSheetCarriesEveryMandatoryMention() {
        TrainingAction a = action(false);
        YearMonth february = YearMonth.of(2026, 2);
        List<Schedule.HalfDay> schedule = new Schedule(a.getPeriods(), false).of(february);
        Map<Long, String> trainers = Map.of(1L, "Yves ROCHER", 2L, "Léa DUPONT");
        String blank = text(AttendanceSheetPdf.render(a, february, schedule, TRAINEES, List.of(), new java.util.TreeMap<>(trainers)));
        assertMentions(blank, ATTENDANCE_SHEET);

        List<HalfDayAttendance> recorded = List.of(new HalfDayAttendance(1L, null, LocalDate.of(2026, 2, 2), Schedule.Half.AM, Place.CENTRE,
                HalfDayAttendance.Status.PRESENT, new BigDecimal("3.5"), 1L));
        String filled = text(AttendanceSheetPdf.render(a, february, schedule, TRAINEES, recorded, new java.util.TreeMap<>(trainers)));
        assertMentions(filled, ATTENDANCE_SHEET);
        assertMentions(filled, new String[][] {{"filled", "(renseignée)"}, {"who taught the half-day", "Formateur de la demi-journée"},
                {"presence and hours", "Présent 3,5 h"}});
    }

    // ---- Certificat de réalisation (Ministry of Labour model, 2020) ----------------------------------------------------

    static final String[][] COMPLETION_CERTIFICATE = {
            {"signatory, legal representative", "Je soussigné(e) Claire Martin"},
            {"provider's identity", "Scènes et Formations"},
            {"trainee's names", "Anna STAGIAIREA"},
            {"employer of an employee", "salarié(e) de l'entreprise Théâtre des Treize Vents"},
            {"title of the action", "Accessoiriste de spectacle"},
            {"nature of the action", "Action de formation"},
            {"dates", "du 05/01/2026 au 27/02/2026"},
            {"duration completed", "durée réalisée de 140 h"},
            {"retention commitment, 3 years", "pendant une durée de 3 ans"},
            {"place and date", "Fait à Clermont-l'Hérault, le 02/03/2026"},
            {"stamp and signature", "Cachet et signature du responsable du dispensateur de l'action"},
            {"NDA mention", "Déclaration d'activité enregistrée sous le numéro 76340123434"},
    };

    @Test
    void theCompletionCertificateCarriesEveryMandatoryMention() {
        TrainingAction a = action(false);
        String text = text(CertificatePdf.completion(a, exited(trainee("STAGIAIREA", "Anna", "NONE")), new BigDecimal("140"), "Théâtre des Treize Vents", SIGNED));
        assertMentions(text, COMPLETION_CERTIFICATE);
        assertThat(flat(text)).doesNotContain("Fonds social européen");
    }

    @Test
    void aJobSeekerIsNoEmployeeAndAnEsfActionStatesItsRetention() {
        TrainingAction a = action(false);
        a.markEsfCofunded(true);
        String text = flat(text(CertificatePdf.completion(a, exited(trainee("STAGIAIREB", "Bruno", "UNDER_6_MONTHS")), new BigDecimal("140"), "Théâtre des Treize Vents", SIGNED)));
        assertMentions(text, new String[][] {
                {"job seeker's status", "Bruno STAGIAIREB, demandeur(se) d'emploi"},
                {"EU co-funding retention", "Fonds social européen (FSE+)"},
                {"its 10 years", "10 ans à compter de la fin de l'année du dernier paiement"}});
        assertThat(text).doesNotContain("salarié(e)");
    }

    // ---- Attestation de fin de formation (L6353-1) --------------------------------------------------------------------

    static final String[][] END_OF_TRAINING_CERTIFICATE = {
            {"legal basis", "L6353-1"},
            {"trainee", "Anna STAGIAIREA"},
            {"title and nature", "Accessoiriste de spectacle » (Action de formation)"},
            {"objectives", "Maîtriser la fabrication des accessoires"},
            {"dates", "du 05/01/2026 au 27/02/2026"},
            {"duration", "140 h"},
            {"results of the evaluation", "Acquis"},
            {"place and date", "Fait à Clermont-l'Hérault, le 02/03/2026"},
            {"signatory", "Claire Martin, pour Scènes et Formations"},
            {"signature line", "Signature :"},
            {"stamp line", "Cachet :"},
            {"NDA mention", "Déclaration d'activité enregistrée sous le numéro 76340123434"},
    };

    @Test
    void theEndOfTrainingCertificateCarriesEveryMandatoryMention() {
        Trainee t = exited(trainee("STAGIAIREA", "Anna", "NONE"));
        t.validateSkills("ACQUIRED");
        t.selfEvaluate(5, null);
        assertMentions(text(CertificatePdf.endOfTraining(action(false), t, new BigDecimal("140"), SIGNED)), END_OF_TRAINING_CERTIFICATE);
    }

    // ---- Trainee list, trainer list, monthly summary (seed 003 §3.8): every date and word whole in its cell -------------

    static final String[][] TRAINEE_LIST = {
            {"title", "Liste des stagiaires à l'ouverture de l'action"},
            {"action and contract", "contrat n° 2026QCA0001"},
            {"a long name, cut only at its hyphen", "ROCHEFOUCAULD-"},
            {"the rest of the long name", "LIANCOURT"},
            {"birth date, whole", "11/03/1991"},
            {"entry date, whole", "05/01/2026"},
            {"paid trainee", "oui"},
            {"prescriber", "France Travail"},
            {"headcount", "2 stagiaire(s) — effectif prévu : 12, dont 10 rémunérés"},
    };

    static final String[][] TRAINER_LIST = {
            {"title", "Liste des formateurs à l'ouverture de l'action"},
            {"trainer", "ROCHER"},
            {"domain", "Accessoires"},
            {"hours", "100 h"},
            {"status, whole", "VACATAIRE"},
            {"training and experience", "12 ans d'atelier"},
    };

    static final String[][] MONTHLY_SUMMARY = {
            {"title", "Déclaration de réalisation périodique — janvier 2026"},
            {"trainee", "STAGIAIREA Anna"},
            {"hours completed in centre", "63,5"},
            {"justified absences", "3,5"},
            {"exit date, whole", "27/02/2026"},
            {"realisation rate", "Taux de réalisation de l'action (mois confirmés) : 47,62 %"},
    };

    @Test
    void theListsAndTheMonthlySummaryKeepEveryDateAndWordWhole() {
        TrainingAction a = action(false);
        List<Trainee> trainees = List.of(trainee("DE LA ROCHEFOUCAULD-LIANCOURT", "Marie-Émilienne", "NONE"), trainee("STAGIAIREB", "Bruno", "NONE"));
        String traineeList = text(TraineeListPdf.render(a, trainees, false));
        assertMentions(traineeList, TRAINEE_LIST);
        assertThat(traineeList).as("dates never cut inside a cell").contains("11/03/1991", "05/01/2026");
        String trainerList = text(TrainerListPdf.render(a, trainers(), false));
        assertMentions(trainerList, TRAINER_LIST);
        assertThat(trainerList).as("« VACATAIRE » never cut").contains("VACATAIRE");

        HoursSummary.Hours hours = new HoursSummary.Hours(new BigDecimal("63.5"), new BigDecimal("3.5"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
        HoursSummary.Summary summary = new HoursSummary.Summary(new BigDecimal("140"), new BigDecimal("47.62"), List.of(),
                List.of(new HoursSummary.TraineeLine(1L, "STAGIAIREA", "Anna", LocalDate.of(1991, 3, 11), DocumentFixtures.START,
                        DocumentFixtures.END, "END_OF_TRAINING", null, Map.of("2026-01", hours), hours)), hours);
        String monthly = text(MonthlySummaryPdf.render(a, "2026-01", summary));
        assertMentions(monthly, MONTHLY_SUMMARY);
        assertThat(monthly).as("dates never cut inside a cell").contains("27/02/2026");
    }

    // ---- Subcontracting and trainer contracts ------------------------------------------------------------------------

    static final String[][] SUBCONTRACTING_CONTRACT = {
            {"title", "Contrat de sous-traitance de formation"},
            {"titular", "Scènes et Formations"},
            {"subcontractor", "Cévennes Gestion"},
            {"action and funder", "financée par Région Occitanie"},
            {"volume of subcontracted hours", "Le sous-traitant assure 40 h de formation en centre, sur les 140 h du programme"},
            {"price of the subcontracted hours", "pour un prix de 840,00 € HT"},
            {"invoicing and deduction", "€ pour CÉVENNES GESTION"},
            {"titular's responsibility", "seul responsable"},
    };

    static final String[][] FREELANCE_TRAINER_CONTRACT = {
            {"title", "Contrat de sous-traitance de formation"},
            {"trainer", "Yves ROCHER"},
            {"status", "VACATAIRE"},
            {"hours out of the programme's", "100 h de face-à-face pédagogique, sur les 140 h en centre que compte le programme"},
            {"paid on invoice", "sur facture du formateur"},
            {"attendance sheets", "feuille d'émargement"},
    };

    static final String[][] SALARIED_TRAINER_MISSION = {
            {"title", "Lettre de mission du formateur salarié"},
            {"trainer", "Léa DUPONT"},
            {"employment contract", "salarié(e) de l'organisme en CDD, dans le cadre de son contrat de travail"},
            {"hours out of the programme's", "40 h de face-à-face pédagogique, sur les 140 h en centre"},
            {"paid on the payslip", "bulletin de paie"},
    };

    @Test
    void theSubcontractingAndTrainerContractsCarryPriceVolumeAndTheRightWording() {
        TrainingAction a = action(false);
        fr.formaflow.organisation.Organisation subcontractor = new fr.formaflow.organisation.Organisation("51234567900025", "Cévennes Gestion",
                "76300000130").address("5 place de la Mairie", "30100", "Alès");
        assertMentions(text(SubcontractingContractPdf.render(a, subcontractor, new BigDecimal("40"))), SUBCONTRACTING_CONTRACT);
        assertMentions(text(TrainerContractPdf.render(a, trainers().get(1L), new BigDecimal("100"))), FREELANCE_TRAINER_CONTRACT);
        String salaried = flat(text(TrainerContractPdf.render(a, trainers().get(2L), new BigDecimal("40"))));
        assertMentions(salaried, SALARIED_TRAINER_MISSION);
        assertThat(salaried).doesNotContain("sous-traitance", "sur facture");
    }

    static final LocalDate SIGNED = LocalDate.of(2026, 3, 2);

    static Trainee exited(Trainee t) {
        t.exit(DocumentFixtures.END, "END_OF_TRAINING", null);
        return t;
    }

    // ------------------------------------------------------------------------------------------------------------------

    static TrainingAgreementPdf.Parties parties(TrainingAction a, List<Trainee> trainees) {
        return new TrainingAgreementPdf.Parties(a.getClients().get(0), trainees, trainers(), rules());
    }

    /** The text with its line breaks as spaces: a mention may wrap. */
    static String flat(String text) {
        return text.replace("\r", "").replace('\u00a0', ' ').replaceAll("\\s*\n\\s*", " ");
    }

    static void assertMentions(String text, String[][] mentions) {
        String flat = flat(text);
        SoftAssertions softly = new SoftAssertions();
        for (String[] mention : mentions) {
            softly.assertThat(flat).as(mention[0]).contains(mention[1]);
        }
        softly.assertAll();
    }
}
