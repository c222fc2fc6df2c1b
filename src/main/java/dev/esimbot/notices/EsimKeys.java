package dev.esimbot.notices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An eSIM's name in notice ids and Redis keys: a hash of the ICCID, so neither keys nor logs hold personal data. */
public final class EsimKeys {

    private EsimKeys() {
    }

    public static String of(String iccid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(iccid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
