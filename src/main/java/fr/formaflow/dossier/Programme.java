package fr.formaflow.dossier;

import fr.formaflow.organisation.Siret;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the organisation declares when it submits the dossier (seed 003: "résumé de l'action"). */
public record Programme(
        String title,
        String objectives,
        String content,
        String formacode,
        TrainingNature nature,
        Boolean collective,
        BigDecimal hoursCentre,
        BigDecimal hoursCompany,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        String location,
        Integer totalTrainees,
        Integer paidTrainees,
        Long priceCentreCents,
        Long priceCompanyCents,
        Long unitCostCentreCents,
        Long unitCostCompanyCents,
        List<Period> periods,
        List<ClientCompany> clients) {

    /** Every missing field and every broken rule, each as a French sentence naming the field. */
    public List<String> problems() {
        return new ArrayList<>(problemsByField().values().stream().flatMap(List::stream).toList());
    }

    /**
     * The same sentences, each under the component it concerns (« title », « periods »…; « programme » for the action as
     * a whole), in the order of {@link #problems()}.
     */
    public Map<String, List<String>> problemsByField() {
        Problems problems = new Problems();
        require(problems, title, "title", "Intitulé");
        require(problems, objectives, "objectives", "Objectifs");
        require(problems, content, "content", "Programme / contenu");
        require(problems, formacode, "formacode", "Formacode");
        require(problems, nature, "nature", "Nature de l'action");
        require(problems, collective, "collective", "Action collective ou individualisée");
        require(problems, hoursCentre, "hoursCentre", "Durée en centre");
        require(problems, hoursCompany, "hoursCompany", "Durée en entreprise");
        require(problems, plannedStart, "plannedStart", "Date de début prévue");
        require(problems, plannedEnd, "plannedEnd", "Date de fin prévue");
        require(problems, location, "location", "Lieu de l'action");
        require(problems, totalTrainees, "totalTrainees", "Effectif total");
        require(problems, paidTrainees, "paidTrainees", "Effectif rémunéré");
        require(problems, priceCentreCents, "priceCentreCents", "Prix total en centre");
        require(problems, priceCompanyCents, "priceCompanyCents", "Prix total en entreprise");
        require(problems, unitCostCentreCents, "unitCostCentreCents", "Coût unitaire en centre");
        require(problems, unitCostCompanyCents, "unitCostCompanyCents", "Coût unitaire en entreprise");
        if (formacode != null && !formacode.isBlank() && !formacode.matches("\\d{5}")) {
            problems.add("formacode", "Le Formacode « " + formacode + " » doit comporter 5 chiffres.");
        }
        if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
            problems.add("plannedEnd", "La date de fin prévue doit suivre la date de début prévue.");
        }
        if (hoursCentre != null && hoursCompany != null && hoursCentre.add(hoursCompany).signum() <= 0) {
            problems.add("hoursCentre", "La durée totale de l'action (en centre et en entreprise) doit être supérieure à zéro.");
        }
        if (totalTrainees != null && totalTrainees <= 0) {
            problems.add("totalTrainees", "L'effectif total doit être d'au moins un stagiaire.");
        }
        if (totalTrainees != null && paidTrainees != null && (paidTrainees < 0 || paidTrainees > totalTrainees)) {
            problems.add("paidTrainees", "L'effectif rémunéré (" + paidTrainees + ") doit être compris entre 0 et l'effectif total (" + totalTrainees + ").");
        }
        for (Long cents : new Long[] {priceCentreCents, priceCompanyCents, unitCostCentreCents, unitCostCompanyCents}) {
            if (cents != null && cents < 0) {
                problems.add("programme", "Les prix et coûts unitaires ne peuvent pas être négatifs.");
                break;
            }
        }
        checkPeriods(problems);
        checkClients(problems);
        return problems.byField;
    }

    private void checkPeriods(Problems problems) {
        periodProblems(periods, plannedStart, plannedEnd).forEach(problem -> problems.add("periods", problem));
    }

    /** Every problem of these centre and company periods, in French: one centre period at least, each inside the action's dates. */
    static List<String> periodProblems(List<Period> periods, LocalDate plannedStart, LocalDate plannedEnd) {
        List<String> problems = new ArrayList<>();
        if (periods == null || periods.stream().noneMatch(p -> p.place() == Place.CENTRE)) {
            problems.add("Au moins une période en centre est obligatoire.");
        }
        if (periods == null) {
            return problems;
        }
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            String name = "Période " + (i + 1);
            if (period.place() == null || period.start() == null || period.end() == null) {
                problems.add(name + " : le lieu, la date de début et la date de fin sont obligatoires.");
            } else if (period.end().isBefore(period.start())) {
                problems.add(name + " : la date de fin précède la date de début.");
            } else if (plannedStart != null && plannedEnd != null
                    && (period.start().isBefore(plannedStart) || period.end().isAfter(plannedEnd))) {
                problems.add(name + " : elle doit se situer entre la date de début et la date de fin prévues de l'action.");
            }
        }
        return problems;
    }

    private void checkClients(Problems problems) {
        if (clients == null || clients.isEmpty()) {
            problems.add("clients", "Au moins un client est obligatoire.");
            return;
        }
        for (int i = 0; i < clients.size(); i++) {
            ClientCompany client = clients.get(i);
            String name = "Client " + (i + 1);
            if (client.name() == null || client.name().isBlank()) {
                problems.add("clients", name + " : la raison sociale est obligatoire.");
            }
            String siretProblem = Siret.problemWith(client.siret());
            if (siretProblem != null) {
                problems.add("clients", name + " : " + siretProblem);
            }
        }
    }

    private static void require(Problems problems, Object value, String component, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(component, "Le champ « " + field + " » est obligatoire.");
        }
    }

    /** Sentences collected by component, in order. */
    private static final class Problems {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();

        void add(String component, String sentence) {
            byField.computeIfAbsent(component, key -> new ArrayList<>()).add(sentence);
        }
    }
}
