package dev.preflight.licensing;

import java.util.List;

/**
 * What an assigned user's licenses give: a product the source names as supported, an Exchange Online mailbox,
 * an Apps-only product; and SKUs Preflight does not know (which keep a verdict from being certain).
 */
public record LicenseProfile(String userId, List<String> licenses, boolean namedProduct, boolean exchangeOnline,
                             boolean appsOnly, List<String> unknownSkus) {
    public boolean complete() {
        return unknownSkus.isEmpty();
    }
}
