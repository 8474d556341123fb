package fr.formaflow.dossier;

import static fr.formaflow.platform.FieldLimits.clean;

import fr.formaflow.platform.FieldLimits;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Région market dossier's references, as the Région's action summary shows them (seed 003: « Appel à projet »,
 * « Numéro d'opération Safir », « Numéro de marché », « Instance décisionnaire », « Date de vote », « Secteur
 * d'activité »), with what its payment platform needs on each invoice: the legal commitment number (« numéro
 * d'engagement juridique », BT-13) and the service code (« code service », BT-10). The Région's validator records them.
 */
@Embeddable
public record MarketReferences(String callForProjects, String operationNumber, String marketNumber, String decidingBody,
                               LocalDate voteDate, String sector, String commitmentNumber, String serviceCode) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./_-]*");

    public MarketReferences {
        callForProjects = clean(callForProjects);
        operationNumber = clean(operationNumber);
        marketNumber = clean(marketNumber);
        decidingBody = clean(decidingBody);
        sector = clean(sector);
        commitmentNumber = clean(commitmentNumber);
        serviceCode = clean(serviceCode);
    }

    /** Every problem, in French; empty when the references can be recorded. */
    public List<String> problems(LocalDate today) {
        List<String> problems = new ArrayList<>();
        text(problems, "Appel à projet", callForProjects, 120);
        text(problems, "Instance décisionnaire", decidingBody, 120);
        text(problems, "Secteur d'activité", sector, 120);
        if (operationNumber != null && !DIGITS.matcher(operationNumber).matches()) {
            problems.add("« Numéro d'opération Safir » : de 1 à 12 chiffres (« " + operationNumber + " » reçu).");
        }
        reference(problems, "Numéro de marché", marketNumber, 30);
        reference(problems, "Numéro d'engagement juridique", commitmentNumber, 50);
        reference(problems, "Code service", serviceCode, 100);
        if (voteDate != null && voteDate.isAfter(today)) {
            problems.add("« Date de vote » : la date du vote ne peut pas être dans le futur.");
        }
        return problems;
    }

    private static void text(List<String> problems, String label, String value, int max) {
        FieldLimits.text(problems, "", label, value, max, false);
    }

    private static void reference(List<String> problems, String label, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.add("« " + label + " » ne doit pas dépasser " + max + " caractères (" + value.length() + " reçus).");
        } else if (!REFERENCE.matcher(value).matches()) {
            problems.add("« " + label + " » : lettres, chiffres, espaces, points, tirets, barres obliques et soulignés seulement.");
        }
    }
}
