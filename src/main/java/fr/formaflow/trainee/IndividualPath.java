package fr.formaflow.trainee;

import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rest of a trainee's « parcours individualisé » (seed 003 §3.2, tab « Définition de parcours »), beside its hours,
 * training objectives and VAE kept on the record: the professional project, the number of company periods, the
 * trainee's own centre and company periods, the general and professional teaching modules, the objectives of the
 * company periods and the planned dates of the path.
 */
public record IndividualPath(String professionalProject, Integer companyPeriodCount, List<Period> periods, String generalModules,
                             String professionalModules, String companyObjectives, LocalDate start, LocalDate end) {

    public static final IndividualPath EMPTY = new IndividualPath(null, null, List.of(), null, null, null, null, null);

    public IndividualPath {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** Every problem of an individualised action's path (the seed's asterisks), prefixed with the trainee's line. */
    List<String> problems(String line, LocalDate actionStart, LocalDate actionEnd) {
        List<String> problems = new ArrayList<>();
        require(problems, line, professionalProject, "Parcours professionnel envisagé");
        require(problems, line, companyPeriodCount, "Nombre de périodes en entreprise");
        require(problems, line, generalModules, "Modules d'enseignement général");
        require(problems, line, professionalModules, "Modules d'enseignement professionnel");
        require(problems, line, companyObjectives, "Objectifs des périodes en entreprise");
        require(problems, line, start, "Date de début du parcours");
        require(problems, line, end, "Date de fin du parcours");
        if (companyPeriodCount != null && companyPeriodCount < 0) {
            problems.add(line + " : le nombre de périodes en entreprise ne peut pas être négatif.");
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                problems.add(line + " : la date de fin du parcours précède sa date de début.");
            } else if (actionStart != null && actionEnd != null && (start.isBefore(actionStart) || end.isAfter(actionEnd))) {
                problems.add(line + " : le parcours doit se situer entre le début et la fin de l'action.");
            }
        }
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            String name = line + ", période " + (i + 1) + " du parcours";
            if (period.place() == null || period.start() == null || period.end() == null) {
                problems.add(name + " : le lieu, la date de début et la date de fin sont obligatoires.");
            } else if (period.end().isBefore(period.start())) {
                problems.add(name + " : la date de fin précède la date de début.");
            } else if (start != null && end != null && (period.start().isBefore(start) || period.end().isAfter(end))) {
                problems.add(name + " : elle doit se situer entre la date de début et la date de fin du parcours.");
            }
        }
        long companyPeriods = periods.stream().filter(p -> p.place() == Place.COMPANY).count();
        if (companyPeriodCount != null && !periods.isEmpty() && companyPeriods != companyPeriodCount) {
            problems.add(line + " : " + companyPeriods + " période(s) en entreprise saisie(s) pour " + companyPeriodCount + " annoncée(s) "
                    + "dans « Nombre de périodes en entreprise ».");
        }
        return problems;
    }

    private static void require(List<String> problems, String line, Object value, String field) {
        TraineeRecord.require(problems, line, value, field);
    }
}
