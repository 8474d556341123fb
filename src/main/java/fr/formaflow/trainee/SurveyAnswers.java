package fr.formaflow.trainee;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The categories of the exit, 6-month and 1-year surveys (seed 003 §3.7.2 and §3.8): the trainee's situation, and
 * the kind of contract when they have a job.
 */
public final class SurveyAnswers {

    public static final Map<String, String> SITUATIONS = new LinkedHashMap<>();
    public static final Map<String, String> CONTRACTS = new LinkedHashMap<>();

    static {
        SITUATIONS.put("JOB_IN_SECTOR", "Emploi dans le secteur de la formation");
        SITUATIONS.put("JOB_OTHER_SECTOR", "Emploi dans un autre secteur");
        SITUATIONS.put("OTHER", "Autre situation");
        CONTRACTS.put("CDI", "CDI");
        CONTRACTS.put("CDD_OVER_6_MONTHS", "CDD de plus de 6 mois");
        CONTRACTS.put("CDD_UNDER_6_MONTHS", "CDD de moins de 6 mois");
        CONTRACTS.put("AIDED", "Contrat aidé");
        CONTRACTS.put("TEMPORARY", "Intérim");
        CONTRACTS.put("OTHER", "Autre contrat");
    }

    /** A checked answer: the contract is kept only for a job. */
    public record Answer(String situation, String contract) {
    }

    private SurveyAnswers() {
    }

    /** Checks one answer; the French problem is prefixed with who it is about (a trainee's name). */
    public static Answer check(String who, String situation, String contract, java.util.List<String> problems) {
        if (situation == null || situation.isBlank()) {
            problems.add(who + " : la situation est obligatoire.");
            return null;
        }
        if (!SITUATIONS.containsKey(situation)) {
            problems.add(who + " : la situation « " + situation + " » n'existe pas.");
            return null;
        }
        boolean job = situation.startsWith("JOB_");
        if (job && (contract == null || contract.isBlank())) {
            problems.add(who + " : le type de contrat est obligatoire pour un emploi.");
            return null;
        }
        if (job && !CONTRACTS.containsKey(contract)) {
            problems.add(who + " : le type de contrat « " + contract + " » n'existe pas.");
            return null;
        }
        return new Answer(situation, job ? contract : null);
    }

    public static String situationLabel(String code) {
        return code == null ? "sans réponse" : SITUATIONS.getOrDefault(code, code);
    }

    public static String contractLabel(String code) {
        return code == null ? "" : CONTRACTS.getOrDefault(code, code);
    }
}
