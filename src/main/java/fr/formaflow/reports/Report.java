package fr.formaflow.reports;

import fr.formaflow.platform.NotFoundException;
import java.util.Arrays;

/** The "Éditions": each report, by the name in its URL (/api/reports/{name}.csv or .pdf). */
public enum Report {
    TRAINERS("formateurs", "Liste des formateurs"),
    TRAINEES_AT_OPENING("stagiaires-ouverture", "Liste des stagiaires à l'ouverture"),
    TRAINEES_AT_CLOSURE("stagiaires-cloture", "Liste des stagiaires à la clôture"),
    DECLARATIONS("declarations", "Déclarations mensuelles"),
    PAYMENTS_PENDING("paiements-en-attente", "Demandes de paiement en attente"),
    PAYMENTS_ACCEPTED("paiements-acceptes", "Demandes de paiement acceptées"),
    PAYMENTS_REJECTED("paiements-rejetes", "Demandes de paiement rejetées"),
    SURVEYS_AT_EXIT("enquetes-sortie", "Enquêtes à la sortie"),
    SURVEYS_SIX_MONTHS("enquetes-6-mois", "Enquêtes à 6 mois"),
    SURVEYS_ONE_YEAR("enquetes-1-an", "Enquêtes à 1 an"),
    ACTIONS("actions", "Liste des actions par année de programmation"),
    BPF("bpf", "Bilan pédagogique et financier");

    private final String slug;
    private final String title;

    Report(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public static Report of(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("L'édition « " + slug + " » n'existe pas."));
    }
}
