package fr.formaflow.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's rules for an entry (seed 004: clear wording for the public, each module's duration, the date of
 * the funder's vote; seed 001: every missing field named, tab by tab). Plain Java.
 */
public final class OfferRules {

    /** Days a session stays in the catalogue after its start date (Inffolor: J + 8). */
    public static final int DAYS_LISTED_AFTER_START = 8;

    private static final Pattern FORMACODE = Pattern.compile("\\d{5}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** A word of 2 to 6 capitals (digits allowed after the first letter): an acronym the public may not know. */
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-ZÉÈÀ][A-Z0-9ÉÈÀ]{1,5}\\b");

    private OfferRules() {
    }

    /** Everything that keeps the entry from being sent for validation; missing fields grouped by tab. */
    public static List<String> problems(OfferContent offer) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        missing.put("Description", new ArrayList<>());
        missing.put("Session", new ArrayList<>());
        missing.put("Financement", new ArrayList<>());
        missing.put("Inscription", new ArrayList<>());
        require(missing, "Description", offer.title(), "intitulé");
        require(missing, "Description", offer.objectives(), "objectifs");
        require(missing, "Description", offer.programme(), "programme");
        require(missing, "Session", offer.startDate(), "date de début");
        require(missing, "Session", offer.endDate(), "date de fin");
        require(missing, "Session", offer.city(), "ville");
        require(missing, "Session", offer.postcode(), "code postal");
        require(missing, "Session", offer.placesAvailable(), "places disponibles");
        require(missing, "Financement", offer.fundingComment(), "commentaire financement");
        require(missing, "Financement", offer.fundingVoteDate(), "date du vote du financeur");
        require(missing, "Inscription", offer.contactName(), "personne à contacter");
        if (blank(offer.contactPhone()) && blank(offer.contactEmail())) {
            missing.get("Inscription").add("téléphone ou adresse électronique du contact");
        }
        List<String> problems = new ArrayList<>();
        missing.forEach((tab, fields) -> {
            if (!fields.isEmpty()) {
                problems.add("Onglet « " + tab + " », champs obligatoires non renseignés : " + String.join(", ", fields) + ".");
            }
        });
        problems.addAll(inconsistencies(offer));
        return problems;
    }

    private static List<String> inconsistencies(OfferContent offer) {
        List<String> problems = new ArrayList<>();
        if (offer.startDate() != null && offer.endDate() != null && offer.endDate().isBefore(offer.startDate())) {
            problems.add("La date de fin de la session précède sa date de début.");
        }
        if (!blank(offer.postcode()) && !POSTCODE.matcher(offer.postcode().trim()).matches()) {
            problems.add("Le code postal « " + offer.postcode().trim() + " » doit comporter 5 chiffres.");
        }
        if (offer.placesAvailable() != null && offer.placesAvailable() < 0) {
            problems.add("Le nombre de places disponibles ne peut pas être négatif.");
        }
        if (!blank(offer.contactEmail()) && !EMAIL.matcher(offer.contactEmail().trim()).matches()) {
            problems.add("L'adresse électronique du contact « " + offer.contactEmail().trim() + " » n'est pas valide.");
        }
        tooLong(problems, "Intitulé", offer.title(), 255);
        tooLong(problems, "Objectifs", offer.objectives(), 4000);
        tooLong(problems, "Programme", offer.programme(), 8000);
        tooLong(problems, "Ville", offer.city(), 255);
        tooLong(problems, "Commentaire financement", offer.fundingComment(), 2000);
        tooLong(problems, "Personne à contacter", offer.contactName(), 255);
        tooLong(problems, "Téléphone", offer.contactPhone(), 30);
        tooLong(problems, "Adresse électronique", offer.contactEmail(), 255);
        if (offer.modules().size() > 20 || offer.modules().stream().anyMatch(m -> m.title() != null && m.title().length() > 150)) {
            problems.add("Une offre compte au plus 20 modules, de 150 caractères au plus chacun.");
        }
        for (java.time.LocalDate date : java.util.Arrays.asList(offer.startDate(), offer.endDate(), offer.fundingVoteDate())) {
            if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
                problems.add("La date du " + date + " n'est pas plausible.");
            }
        }
        if (offer.modular()) {
            int line = 1;
            for (OfferModule module : offer.modules()) {
                if (blank(module.title()) || module.hours() == null || module.hours().compareTo(BigDecimal.ZERO) <= 0) {
                    problems.add("Module " + line + " : un stage modulaire indique l'intitulé et la durée (en heures) de chaque module.");
                }
                line++;
            }
        }
        return problems;
    }

    /** The Formacode the validator assigns: five digits. */
    public static String formacodeProblem(String formacode) {
        if (blank(formacode)) {
            return "Attribuez le Formacode de l'offre avant de la publier.";
        }
        return FORMACODE.matcher(formacode.trim()).matches() ? null
                : "Le Formacode « " + formacode.trim() + " » doit comporter 5 chiffres.";
    }

    /**
     * Acronyms in the title, objectives and programme that are never spelled out in parentheses: the validator
     * checks them, since the catalogue is read by the public (« pas d'abréviations, de sigles »).
     */
    public static Set<String> unexplainedAcronyms(OfferContent offer) {
        String text = String.join("\n", nonNull(offer.title()), nonNull(offer.objectives()), nonNull(offer.programme()));
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = ACRONYM.matcher(text);
        while (matcher.find()) {
            String acronym = matcher.group();
            boolean explained = text.contains(acronym + " (") || text.contains("(" + acronym + ")");
            if (!explained && acronym.chars().anyMatch(Character::isLetter)) {
                found.add(acronym);
            }
        }
        return found;
    }

    /** The key the public search matches a town on: upper case, no accents, hyphens as spaces. */
    public static String placeKey(String place) {
        String plain = java.text.Normalizer.normalize(place.trim(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(java.util.Locale.ROOT).replaceAll("[-'’\\s]+", " ");
    }

    private static void tooLong(List<String> problems, String label, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add("« " + label + " » : " + max + " caractères au plus.");
        }
    }

    private static void require(Map<String, List<String>> missing, String tab, Object value, String label) {
        if (value == null || value instanceof String text && text.isBlank()) {
            missing.get(tab).add(label);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
