package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call as {@code preflight-collect.json} records it: the endpoint, the first request, how it ended (status and the
 * service's error code), how many pages, and the first file.
 */
public record CallRecord(String endpoint, String request, int status, String error, int pages, String file) {

    static CallRecord of(Listing l, int pages, int status, JsonNode lastBody) {
        String code = null;
        if (status >= 400 && lastBody != null && lastBody.isObject()) {
            JsonNode c = lastBody.path("error").path("code");
            if (c.isTextual()) code = c.asText();
        }
        return new CallRecord(l.endpoint(), "GET " + l.first(), status, code, pages, l.file(1));
    }

    /** A call that never got an answer: no file, only this record. */
    static CallRecord unreachable(Listing l, int pages, String why) {
        return new CallRecord(l.endpoint(), "GET " + l.first(), 0, why, pages, pages > 0 ? l.file(1) : null);
    }

    /** A 404 MailboxNotEnabledForRESTAPI for a user's mailboxSettings is an answer: that mailbox is not in Exchange Online. */
    static boolean isFact(int status, JsonNode body) {
        return status == 404 && body != null
                && "MailboxNotEnabledForRESTAPI".equalsIgnoreCase(body.path("error").path("code").asText());
    }

    public boolean failed() {
        return status == 0 || (status >= 400 && !"MailboxNotEnabledForRESTAPI".equalsIgnoreCase(error));
    }
}
