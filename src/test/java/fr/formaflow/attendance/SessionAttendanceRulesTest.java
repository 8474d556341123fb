package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.PrestationContent;
import fr.formaflow.dossier.PrestationSession;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FundingScheme;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 001: attendance certificates only once the purchase order is signed and returned; one line per teacher present. */
class SessionAttendanceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 20);
    final TrainingAction action = new TrainingAction("2027FOR0001", new Funder("FORMIRIS", "Formiris", FundingScheme.FORMIRIS, "FOR"), null,
            "Pédagogie différenciée", 2027, LocalDateTime.of(2026, 12, 1, 9, 0));
    final PrestationSession session = new PrestationSession(new PrestationContent.SessionEntry(null, LocalDate.of(2027, 1, 11),
            LocalDate.of(2027, 1, 12), new BigDecimal("12"), "Lycée Saint-Joseph", "Montpellier", 2, new BigDecimal("180"), null));

    static SessionAttendee teacher(String number, String unit, String hours) {
        return new SessionAttendee(number, "Martin", "Anne", unit, hours == null ? null : new BigDecimal(hours));
    }

    @Test
    void nothingBeforeThePurchaseOrderIsIssuedThenSignedAndReturned() {
        List<SessionAttendee> one = List.of(teacher("123456", "1234", "12"));
        assertThat(SessionAttendanceRules.problems(action, session, one, TODAY)).containsExactly("Vous pouvez déposer les attestations de "
                + "présence uniquement si le bon de commande est signé et renvoyé à Formiris : le bon de commande de la prestation ne vous a "
                + "pas encore été soumis.");
        action.issuePurchaseOrder("BC-2027-0042", TODAY.minusDays(30));
        assertThat(SessionAttendanceRules.problems(action, session, one, TODAY)).containsExactly(
                "Aucune présence ne peut être enregistrée avant que le bon de commande BC-2027-0042 soit signé et retourné au financeur.");
        action.signPurchaseOrder();
        assertThat(SessionAttendanceRules.problems(action, session, one, TODAY)).isEmpty();
    }

    @Test
    void aSessionNotStartedHasNoCertificateYet() {
        action.issuePurchaseOrder("BC-2027-0042", TODAY.minusDays(30));
        action.signPurchaseOrder();
        assertThat(SessionAttendanceRules.problems(action, session, List.of(teacher("123456", "1234", "6")), LocalDate.of(2027, 1, 10)))
                .containsExactly("La session du 11/01/2027 au 12/01/2027, Lycée Saint-Joseph (Montpellier) n'a pas commencé : ses "
                        + "attestations de présence se déposent à partir du 11/01/2027.");
    }

    @Test
    void everyLineIsCheckedAndNoMoreTeachersThanSeats() {
        action.issuePurchaseOrder("BC-2027-0042", TODAY.minusDays(30));
        action.signPurchaseOrder();
        assertThat(SessionAttendanceRules.problems(action, session, List.of(), TODAY)).containsExactly("Indiquez au moins un enseignant présent à la session.");
        List<String> problems = SessionAttendanceRules.problems(action, session, List.of(teacher("123456", "1234", "12.5"),
                new SessionAttendee("12 34", " ", null, "UE-1", new BigDecimal("0")), teacher("123456", null, null)), TODAY);
        assertThat(problems).containsExactly(
                "La session compte 2 places : 3 enseignants ne peuvent pas y avoir assisté.",
                "Ligne 1 : 12,5 h de présence pour une session de 12 h.",
                "Ligne 2 : « Numéro de l'enseignant » : de 1 à 20 lettres ou chiffres (« 12 34 » reçu).",
                "Ligne 2 : « Nom » est obligatoire.",
                "Ligne 2 : « Prénom » est obligatoire.",
                "Ligne 2 : « Unité pédagogique » : de 1 à 20 lettres ou chiffres (« UE-1 » reçu).",
                "Ligne 2 : « Heures de présence » doit être un nombre d'heures positif, au plus deux décimales.",
                "Ligne 3 : l'enseignant \"123456\" figure déjà sur une autre ligne.",
                "Ligne 3 : « Unité pédagogique » est obligatoire.",
                "Ligne 3 : « Heures de présence » est obligatoire.");
    }
}
