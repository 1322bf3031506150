package dev.preflight.licensing;

import dev.preflight.model.Records;

import java.util.List;
import java.util.Objects;

/**
 * What an assigned user's licenses give: a product the source names as supported, an Exchange Online mailbox,
 * an Apps-only product; and SKUs Preflight does not know (which keep a verdict from being certain).
 */
public record LicenseProfile(String userId, List<String> licenses, boolean namedProduct, boolean exchangeOnline,
                             boolean appsOnly, List<String> unknownSkus) {
    public boolean complete() {
        return unknownSkus.isEmpty();
    }

    // equals and hashCode as the generated ones, written out: see Records.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LicenseProfile o && Objects.equals(userId, o.userId)
                && Objects.equals(licenses, o.licenses) && namedProduct == o.namedProduct
                && exchangeOnline == o.exchangeOnline && appsOnly == o.appsOnly
                && Objects.equals(unknownSkus, o.unknownSkus);
    }

    @Override
    public int hashCode() {
        return Records.hash(userId, licenses, namedProduct, exchangeOnline, appsOnly, unknownSkus);
    }
}
