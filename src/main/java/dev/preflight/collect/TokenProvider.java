package dev.preflight.collect;

/**
 * Access tokens, per tenant and per resource. An implementation never hands one tenant's token to another
 * tenant's call, and never writes a token anywhere.
 */
public interface TokenProvider {

    /**
     * A bearer token for {@code resource} (e.g. {@code https://graph.microsoft.com}) in {@code tenant}.
     *
     * @param refresh true after the service rejected the last token (401 InvalidAuthenticationToken): bypass the cache
     */
    String token(String tenant, String resource, boolean refresh) throws AuthException;

    /** Sign-in failed: the message says why, without the credential. */
    final class AuthException extends Exception {
        public AuthException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
