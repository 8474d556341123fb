package fr.formaflow.dossier;

import static fr.formaflow.platform.FieldLimits.clean;

import fr.formaflow.platform.FieldLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an organisation enters for a Formiris « prestation » (seed 001), tab by tab as FormElie shows them: the header
 * (title), « Pédagogie », « Inscription », « Synthèse », « Description » and « Session » (the mandatory « Type de coût des
 * sessions » and one or more sessions, each with its own dates, place, seats and costs). Amounts in euros. Plain Java:
 * {@link #problems()} names every missing or wrong field with its tab, since the seed's users cannot find their « champs
 * rouges ».
 */
public record PrestationContent(String title, String objectives, String methods, String evaluation, String audience,
                                String prerequisites, String registrationTerms, LocalDate registrationDeadline, String summary,
                                String content, SessionCostType sessionCostType, List<SessionEntry> sessions) {

    /** One session; id is absent for a new session and names an existing one otherwise. */
    public record SessionEntry(Long id, LocalDate startDate, LocalDate endDate, BigDecimal hours, String venue, String city,
                               Integer seats, BigDecimal cost, BigDecimal extraCosts) {

        public SessionEntry {
            venue = clean(venue);
            city = clean(city);
        }
    }

    static final int MAX_SESSIONS = 50;
    private static final BigDecimal MAX_HOURS = new BigDecimal("2000");
    private static final BigDecimal MAX_EUROS = new BigDecimal("10000000");

    public PrestationContent {
        title = clean(title);
        objectives = clean(objectives);
        methods = clean(methods);
        evaluation = clean(evaluation);
        audience = clean(audience);
        prerequisites = clean(prerequisites);
        registrationTerms = clean(registrationTerms);
        summary = clean(summary);
        content = clean(content);
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** Every problem, in French, each naming its tab and field; empty when the prestation can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        text(problems, "En-tête", "Intitulé de la prestation", title, 255, true);
        text(problems, "Pédagogie", "Objectifs pédagogiques", objectives, 4000, true);
        text(problems, "Pédagogie", "Méthodes pédagogiques", methods, 4000, false);
        text(problems, "Pédagogie", "Modalités d'évaluation", evaluation, 4000, false);
        text(problems, "Inscription", "Public visé", audience, 2000, true);
        text(problems, "Inscription", "Prérequis", prerequisites, 2000, false);
        text(problems, "Inscription", "Modalités d'inscription", registrationTerms, 2000, false);
        text(problems, "Synthèse", "Résumé de la prestation", summary, 2000, true);
        text(problems, "Description", "Programme détaillé", content, 8000, true);
        if (sessionCostType == null) {
            problems.add("Onglet Session : « Type de coût des sessions » est obligatoire (coût par participant, coût forfaitaire par "
                    + "session ou coût horaire).");
        }
        if (sessions.isEmpty()) {
            problems.add("Onglet Session : ajoutez au moins une session (dates, lieu, places et coûts).");
        }
        if (sessions.size() > MAX_SESSIONS) {
            problems.add("Onglet Session : au plus " + MAX_SESSIONS + " sessions par prestation (" + sessions.size() + " reçues).");
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionEntry s = sessions.get(i);
            String at = "Onglet Session, session " + (i + 1) + " : ";
            if (s.id() != null && !ids.add(s.id())) {
                problems.add(at + "cette session figure deux fois.");
            }
            if (s.startDate() == null) {
                problems.add(at + "« Date de début » est obligatoire.");
            }
            if (s.endDate() == null) {
                problems.add(at + "« Date de fin » est obligatoire.");
            }
            if (s.startDate() != null && s.endDate() != null && s.endDate().isBefore(s.startDate())) {
                problems.add(at + "la date de fin ne peut pas précéder la date de début.");
            }
            if (registrationDeadline != null && s.startDate() != null && registrationDeadline.isAfter(s.startDate())) {
                problems.add(at + "la session commence avant la « Date limite d'inscription » (onglet Inscription).");
            }
            if (s.hours() == null) {
                problems.add(at + "« Durée (heures) » est obligatoire.");
            } else if (s.hours().signum() <= 0 || s.hours().compareTo(MAX_HOURS) > 0 || s.hours().stripTrailingZeros().scale() > 2) {
                problems.add(at + "« Durée (heures) » doit être un nombre d'heures positif, d'au plus " + MAX_HOURS
                        + " heures et deux décimales.");
            }
            FieldLimits.text(problems, at, "Lieu", s.venue(), 255, true);
            FieldLimits.text(problems, at, "Ville", s.city(), 255, true);
            if (s.seats() == null) {
                problems.add(at + "« Nombre de places » est obligatoire.");
            } else if (s.seats() < 1 || s.seats() > 1000) {
                problems.add(at + "« Nombre de places » doit être compris entre 1 et 1000.");
            }
            amount(problems, at, "Coût pédagogique", s.cost(), true);
            amount(problems, at, "Frais annexes", s.extraCosts(), false);
        }
        return problems;
    }

    private static void text(List<String> problems, String tab, String label, String value, int max, boolean mandatory) {
        FieldLimits.text(problems, "Onglet " + tab + " : ", label, value, max, mandatory);
    }

    private static void amount(List<String> problems, String at, String label, BigDecimal euros, boolean mandatory) {
        if (euros == null) {
            if (mandatory) {
                problems.add(at + "« " + label + " » est obligatoire.");
            }
        } else if (euros.signum() < 0 || euros.compareTo(MAX_EUROS) > 0 || euros.stripTrailingZeros().scale() > 2) {
            problems.add(at + "« " + label + " » doit être un montant en euros positif ou nul, au centime près.");
        }
    }
}
