package fr.formaflow.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a link sent to someone without an account (activation, password reset, signature, evaluation): 256
 * random bits, given once; Formaflow keeps only its SHA-256, so a copy of the database opens no link.
 */
public final class SingleUseTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SingleUseTokens() {
    }

    /** A new token, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored and looked up: the token's SHA-256, in hex. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
