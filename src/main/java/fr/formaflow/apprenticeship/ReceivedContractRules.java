package fr.formaflow.apprenticeship;

import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FormValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a contract sent by the employer's web service must carry before anything is written (seed 002): a referenced
 * CFA, the contract's number (sent once), the apprentice, the employer and its SIRET, the diploma, consistent dates and
 * the NPEC amounts in euros. Every problem is named at once.
 */
final class ReceivedContractRules {

    /** The problems, and the amounts in cents once read. */
    record Checked(List<String> problems, Long budgetCents, Long teachingCents, Long equipmentCents) {
    }

    private ReceivedContractRules() {
    }

    static Checked check(ApprenticeshipContracts.NewContract c, boolean cfaKnown, boolean alreadySent) {
        List<String> problems = new ArrayList<>();
        String siretProblem = Siret.problemWith(c.cfaSiret());
        if (siretProblem != null) {
            problems.add(siretProblem);
        } else if (!cfaKnown) {
            problems.add("Aucun CFA n'est référencé avec le SIRET " + Siret.of(c.cfaSiret()).formatted() + ".");
        }
        require(problems, c.contractNumber(), "Le numéro du contrat est obligatoire.");
        require(problems, c.apprenticeLastName(), "Le nom de l'apprenti est obligatoire.");
        require(problems, c.apprenticeFirstName(), "Le prénom de l'apprenti est obligatoire.");
        require(problems, c.employerName(), "La raison sociale de l'employeur est obligatoire.");
        require(problems, c.diploma(), "Le diplôme ou titre préparé est obligatoire.");
        if (c.employerSiret() == null || Siret.problemWith(c.employerSiret()) != null) {
            problems.add("SIRET de l'employeur : " + Siret.problemWith(c.employerSiret()));
        }
        if (c.signedOn() == null || c.startDate() == null || c.endDate() == null) {
            problems.add("Les dates de signature, de début et de fin du contrat sont obligatoires.");
        } else if (!c.endDate().isAfter(c.startDate())) {
            problems.add("La date de fin du contrat doit suivre sa date de début.");
        }
        Long budget = euros(problems, c.budgetEuros(), "Budget alternance (NPEC)", true);
        Long teaching = euros(problems, c.teachingCostEuros(), "Coût pédagogique du CFA", true);
        Long equipment = euros(problems, c.equipmentEuros(), "Frais de premier équipement", false);
        if (alreadySent) {
            problems.add("Le contrat n° " + c.contractNumber().trim() + " a déjà été transmis.");
        }
        return new Checked(problems, budget, teaching, equipment);
    }

    static Long euros(List<String> problems, String value, String label, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(label + " : le montant est obligatoire.");
            }
            return null;
        }
        try {
            Long cents = new FormValues(Map.of("amount", value)).cents("amount", label);
            if (cents != null && cents < 0) {
                problems.add(label + " : le montant ne peut pas être négatif.");
                return null;
            }
            return cents;
        } catch (BusinessRuleException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static void require(List<String> problems, String value, String message) {
        if (value == null || value.isBlank()) {
            problems.add(message);
        }
    }
}
