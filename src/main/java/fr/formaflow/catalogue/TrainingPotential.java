package fr.formaflow.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The organisation's « potentiel de formation » (seed 004: the « dossier organisme » validated at least once a year):
 * who it is, the training domains it covers (Formacode areas), where it trains, its accessibility to disabled people,
 * whom the public calls to register and how many trainers it has. The LHÉO export sends it with every offer
 * (organisme-formation-responsable). Plain Java rules.
 */
@Embeddable
public record TrainingPotential(
        String presentation,
        @Convert(converter = FormacodesConverter.class) List<String> formacodes,
        String sites,
        String accessibility,
        @Column(name = "registration_contact") String registrationContact,
        @Column(name = "registration_phone") String registrationPhone,
        @Column(name = "registration_email") String registrationEmail,
        Integer trainers) {

    /** LHÉO's « potentiel » holds 1 to 25 Formacodes; its texts have these maximum lengths. */
    public static final int MAX_FORMACODES = 25;
    public static final int MAX_PRESENTATION = 3000;
    public static final int MAX_SITES = 2000;
    public static final int MAX_ACCESSIBILITY = 250;

    private static final Pattern FORMACODE = Pattern.compile("\\d{5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public TrainingPotential {
        formacodes = formacodes == null ? List.of()
                : formacodes.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
    }

    public static TrainingPotential empty() {
        return new TrainingPotential(null, List.of(), null, null, null, null, null, null);
    }

    /** What is malformed or too long: refused even when the organisation only saves its record. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        tooLong(errors, "Présentation de l'organisme", presentation, MAX_PRESENTATION);
        tooLong(errors, "Lieux de formation", sites, MAX_SITES);
        tooLong(errors, "Accessibilité aux personnes handicapées", accessibility, MAX_ACCESSIBILITY);
        tooLong(errors, "Contact pour les inscriptions", registrationContact, 255);
        tooLong(errors, "Téléphone pour les inscriptions", registrationPhone, 30);
        tooLong(errors, "Adresse électronique pour les inscriptions", registrationEmail, 255);
        if (formacodes.size() > MAX_FORMACODES) {
            errors.add("Indiquez au plus " + MAX_FORMACODES + " Formacodes de domaines de formation (" + formacodes.size() + " reçus).");
        }
        formacodes.stream().filter(code -> !FORMACODE.matcher(code).matches()).limit(5)
                .forEach(code -> errors.add("Le Formacode « " + shorten(code) + " » doit comporter 5 chiffres."));
        if (!blank(registrationEmail) && !EMAIL.matcher(registrationEmail.trim()).matches()) {
            errors.add("L'adresse électronique pour les inscriptions « " + shorten(registrationEmail.trim()) + " » n'est pas valide.");
        }
        if (trainers != null && (trainers < 1 || trainers > 100_000)) {
            errors.add("Le nombre de formateurs doit être compris entre 1 et 100 000.");
        }
        return errors;
    }

    /** Everything that keeps « Valider mon potentiel de formation » from being accepted: errors, then each missing field. */
    public List<String> problems() {
        List<String> problems = errors();
        List<String> missing = new ArrayList<>();
        if (blank(presentation)) {
            missing.add("présentation de l'organisme");
        }
        if (formacodes.isEmpty()) {
            missing.add("domaines de formation (Formacodes)");
        }
        if (blank(sites)) {
            missing.add("lieux de formation");
        }
        if (blank(accessibility)) {
            missing.add("accessibilité aux personnes handicapées");
        }
        if (blank(registrationContact)) {
            missing.add("contact pour les inscriptions");
        }
        if (blank(registrationPhone) && blank(registrationEmail)) {
            missing.add("téléphone ou adresse électronique pour les inscriptions");
        }
        if (trainers == null) {
            missing.add("nombre de formateurs");
        }
        if (!missing.isEmpty()) {
            problems.add("Champs obligatoires non renseignés : " + String.join(", ", missing) + ".");
        }
        return problems;
    }

    /** The same record, its texts trimmed and blank ones cleared, as it is stored. */
    public TrainingPotential trimmed() {
        return new TrainingPotential(trim(presentation), formacodes, trim(sites), trim(accessibility), trim(registrationContact),
                trim(registrationPhone), registrationEmail == null || registrationEmail.isBlank() ? null
                : registrationEmail.trim().toLowerCase(java.util.Locale.ROOT), trainers);
    }

    private static void tooLong(List<String> errors, String label, String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.add("« " + label + " » : " + max + " caractères au plus.");
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
