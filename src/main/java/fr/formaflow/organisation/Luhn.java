package fr.formaflow.organisation;

/** The Luhn (mod 10) check used by SIREN and SIRET numbers. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean isValid(String digits) {
        return digits.chars().allMatch(Character::isDigit) && sum(digits) % 10 == 0;
    }

    /** The digit to append to {@code digits} so that the result passes the Luhn check. */
    public static int checkDigit(String digits) {
        int sum = sum(digits + "0");
        return (10 - sum % 10) % 10;
    }

    private static int sum(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }
}
