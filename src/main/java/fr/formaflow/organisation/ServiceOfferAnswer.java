package fr.formaflow.organisation;

import static fr.formaflow.platform.FieldLimits.clean;

import fr.formaflow.platform.FieldLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the organisation completes in a « proposition d'offre de service » (seed 001) before returning it: its training
 * domains, audiences, area, trainers, references, indicative daily rate (euros, excl. VAT) and who signs it. Plain Java:
 * {@link #problems()} names every missing or wrong field.
 */
public record ServiceOfferAnswer(String trainingDomains, String audiences, String interventionArea, String trainers, String references,
                                 BigDecimal dailyRate, String signatoryName, String signatoryRole, Boolean certified) {

    private static final BigDecimal MAX_RATE = new BigDecimal("100000");

    public ServiceOfferAnswer {
        trainingDomains = clean(trainingDomains);
        audiences = clean(audiences);
        interventionArea = clean(interventionArea);
        trainers = clean(trainers);
        references = clean(references);
        signatoryName = clean(signatoryName);
        signatoryRole = clean(signatoryRole);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        text(problems, "Domaines de formation proposés", trainingDomains, 2000, true);
        text(problems, "Publics visés", audiences, 2000, true);
        text(problems, "Périmètre d'intervention", interventionArea, 1000, true);
        text(problems, "Intervenants et qualifications", trainers, 2000, true);
        text(problems, "Références", references, 2000, false);
        if (dailyRate == null) {
            problems.add("« Tarif journalier indicatif (€ HT) » est obligatoire.");
        } else if (dailyRate.signum() <= 0 || dailyRate.compareTo(MAX_RATE) > 0 || dailyRate.stripTrailingZeros().scale() > 2) {
            problems.add("« Tarif journalier indicatif (€ HT) » doit être un montant positif en euros, au centime près.");
        }
        text(problems, "Nom du signataire", signatoryName, 255, true);
        text(problems, "Qualité du signataire", signatoryRole, 255, true);
        if (!Boolean.TRUE.equals(certified)) {
            problems.add("Cochez « Je certifie l'exactitude des informations de cette proposition » avant de la renvoyer.");
        }
        return problems;
    }

    private static void text(List<String> problems, String label, String value, int max, boolean mandatory) {
        FieldLimits.text(problems, "", label, value, max, mandatory);
    }
}
