package dev.studybot.platform.slack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the tokens of installations at rest with AES-256-GCM under the key in
 * {@code SLACK_TOKEN_KEY} (32 bytes, base64): stored as {@code v1:} and base64 of a random 12-byte
 * nonce and the ciphertext. Without a key tokens are stored as they are; a stored token without
 * the prefix reads as it is, so a key can be added to a database that has plain tokens.
 */
final class SlackTokenCipher {
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    SlackTokenCipher(Optional<String> base64Key) {
        this.key = base64Key.map(SlackTokenCipher::key);
    }

    private static SecretKeySpec key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SLACK_TOKEN_KEY is not base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("SLACK_TOKEN_KEY must be 32 bytes in base64, not " + bytes.length
                    + " (make one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }


    String seal(String token) {
        if (token == null || key.isEmpty()) {
            return token;
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a Slack token: " + e.getMessage(), e);
        }
    }

    String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("the stored Slack tokens are encrypted: set SLACK_TOKEN_KEY to the key they were stored with");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored Slack token does not open with SLACK_TOKEN_KEY (another key stored it)", e);
        }
    }
}
