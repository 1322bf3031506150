package dev.preflight.render;

import dev.preflight.engine.Finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A stable fingerprint of a finding: the SHA-256 of its key (rule, subject, context), never of its message. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Finding f) {
        return of(f.key());
    }

    /** The fingerprint of a finding key (e.g. a baseline finding that is gone). */
    public static String of(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
