package fr.formaflow.trainee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A trainee's record as entered by the organisation; id is null for a new trainee. */
public record TraineeRecord(
        Long id, String civility, String lastName, String firstName, LocalDate birthDate, String sex,
        String nationality, String socioProfessionalCategory, String address, String postcode, String city,
        String trainingAddress, LocalDate entryDate, String remunerationBody, String entryLevel, String ageBracket,
        String unemploymentDuration, String prescriber, boolean benefitRecipient, boolean disabledWorker, boolean paid,
        BigDecimal pathHoursCentre, BigDecimal pathHoursCompany, String pathObjectives, boolean vaePlanned, IndividualPath path) {

    public TraineeRecord {
        path = path == null ? IndividualPath.EMPTY : path;
    }

    /** A record without the path's other fields (a collective action's trainee). */
    public TraineeRecord(Long id, String civility, String lastName, String firstName, LocalDate birthDate, String sex,
                         String nationality, String socioProfessionalCategory, String address, String postcode, String city,
                         String trainingAddress, LocalDate entryDate, String remunerationBody, String entryLevel, String ageBracket,
                         String unemploymentDuration, String prescriber, boolean benefitRecipient, boolean disabledWorker, boolean paid,
                         BigDecimal pathHoursCentre, BigDecimal pathHoursCompany, String pathObjectives, boolean vaePlanned) {
        this(id, civility, lastName, firstName, birthDate, sex, nationality, socioProfessionalCategory, address, postcode, city,
                trainingAddress, entryDate, remunerationBody, entryLevel, ageBracket, unemploymentDuration, prescriber, benefitRecipient,
                disabledWorker, paid, pathHoursCentre, pathHoursCompany, pathObjectives, vaePlanned, IndividualPath.EMPTY);
    }

    /** Every missing mandatory field (the asterisks of seed 003's form), prefixed with the trainee's line. */
    public List<String> problems(String line, boolean individualised, LocalDate actionStart, LocalDate actionEnd) {
        List<String> problems = new ArrayList<>();
        require(problems, line, civility, "Civilité");
        require(problems, line, lastName, "Nom");
        require(problems, line, firstName, "Prénom");
        require(problems, line, birthDate, "Date de naissance");
        require(problems, line, sex, "Sexe");
        require(problems, line, address, "Adresse");
        require(problems, line, postcode, "Code postal");
        require(problems, line, city, "Ville");
        require(problems, line, entryDate, "Date d'entrée");
        require(problems, line, remunerationBody, "Organisme chargé de la rémunération");
        require(problems, line, entryLevel, "Niveau à l'entrée");
        require(problems, line, ageBracket, "Tranche d'âge");
        require(problems, line, unemploymentDuration, "Durée de chômage");
        require(problems, line, prescriber, "Prescripteur");
        if (postcode != null && !postcode.isBlank() && !postcode.matches("\\d{5}")) {
            problems.add(line + " : le code postal « " + postcode + " » doit comporter 5 chiffres.");
        }
        if (birthDate != null && entryDate != null && !birthDate.plusYears(15).isBefore(entryDate)) {
            problems.add(line + " : la date de naissance n'est pas plausible pour une entrée en formation.");
        }
        if (entryDate != null && actionStart != null && actionEnd != null
                && (entryDate.isBefore(actionStart) || entryDate.isAfter(actionEnd))) {
            problems.add(line + " : la date d'entrée doit se situer entre le début et la fin de l'action.");
        }
        if (individualised) {
            require(problems, line, pathHoursCentre, "Parcours individualisé : heures en centre");
            require(problems, line, pathHoursCompany, "Parcours individualisé : heures en entreprise");
            require(problems, line, pathObjectives, "Objectifs du parcours individualisé");
            problems.addAll(path.problems(line, actionStart, actionEnd));
        }
        return problems;
    }

    static void require(List<String> problems, String line, Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(line + " : le champ « " + field + " » est obligatoire.");
        }
    }
}
