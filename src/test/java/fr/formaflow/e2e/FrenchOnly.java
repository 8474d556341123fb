package fr.formaflow.e2e;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English in what a page shows or reads out: the words of Camunda's, form-js's and flatpickr's English interface
 * that are not French words too (« Date », « Type », « Instance », « Variable », « Message », « Action »… are French and
 * not listed). Proper names (Formaflow, Camunda, Cockpit, Tasklist) are allowed by not being listed.
 */
final class FrenchOnly {

    /** Lower-case; matched as whole words, whatever their case. */
    private static final Set<String> ENGLISH = Set.of(
            // actions
            "add", "remove", "delete", "close", "cancel", "save", "submit", "claim", "unclaim", "complete", "create",
            "start", "set", "reset", "edit", "show", "hide", "select", "selected", "search", "loading", "load", "sign",
            "login", "logout", "username", "password", "welcome", "powered", "toggle", "expand", "collapse", "refresh",
            "increment", "decrement", "retry", "retries", "upload", "download", "browse", "choose", "apply",
            // words of sentences and labels
            "the", "and", "of", "with", "from", "your", "you", "this", "that", "these", "is", "are", "was", "has",
            "have", "not", "nothing", "none", "any", "new", "item", "items", "list", "task", "tasks", "process",
            "processes", "definition", "definitions", "called", "creation", "follow", "delegation", "state", "activity",
            "statistics", "profile", "my", "name", "owner", "assignee", "priority", "created", "details",
            "history", "next", "previous", "back", "yes", "help", "settings", "account", "sort", "ascending",
            "descending", "unassigned", "candidate", "candidates", "running", "suspended", "deployments", "dashboard",
            "batches", "decisions", "users", "groups", "group", "user", "filter", "filters", "failed", "success",
            "successfully", "error", "invalid", "required", "field", "value", "open", "ago", "criteria",
            "null", "undefined", "nan",
            // dates, as flatpickr and moment write them in English
            "today", "yesterday", "tomorrow", "day", "days", "hours", "hour", "week", "weeks", "month", "months",
            "year", "years", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "sun", "tue", "wed", "thu", "fri", "sat", "jan", "feb", "apr", "jun", "jul", "aug", "dec",
            "dd", "yyyy");

    /** With digits or underscores, a hash or an identifier (« …5add », « Task_SubmitDossier ») is not a word. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:'[\\p{L}]+)?");

    private FrenchOnly() {
    }

    /** The English words found, in the order they appear. */
    static Set<String> englishWords(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (word.chars().noneMatch(c -> Character.isDigit(c) || c == '_') && ENGLISH.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(word);
            }
        }
        return found;
    }
}
