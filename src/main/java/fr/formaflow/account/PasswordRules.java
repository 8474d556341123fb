package fr.formaflow.account;

import java.util.ArrayList;
import java.util.List;

/** What a password must be: long, and not made of the login. Returns the French reasons it is refused. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;

    private PasswordRules() {
    }

    public static List<String> problemsWith(String password, String userId) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("Le mot de passe doit comporter au moins " + MIN_LENGTH + " caractères.");
            return problems;
        }
        if (password.length() > 128) {
            problems.add("Le mot de passe ne doit pas dépasser 128 caractères.");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add("Le mot de passe doit contenir au moins une lettre et un chiffre.");
        }
        if (userId != null && password.toLowerCase().contains(userId.toLowerCase().split("@")[0])) {
            problems.add("Le mot de passe ne doit pas contenir votre identifiant.");
        }
        if (password.chars().distinct().count() < 5) {
            problems.add("Le mot de passe est trop répétitif.");
        }
        return problems;
    }
}
