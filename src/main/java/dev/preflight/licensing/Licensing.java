package dev.preflight.licensing;

import dev.preflight.model.Sku;
import dev.preflight.model.User;
import dev.preflight.tables.Tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The license products Preflight knows (the table {@code licensing/skus.csv}, see {@link Tables}) and how a user's licenses classify. */
public final class Licensing {

    /** One known SKU. */
    public record Product(String skuPartNumber, String skuId, String name, boolean exchangeMailbox,
                          boolean namedBySource, boolean appsOnly) {
    }

    private final Map<String, Product> bySnapshot = new HashMap<>();

    /** Classifier for one snapshot: its declared SKUs extend (never override) the built-in table. */
    public Licensing(List<Sku> declared) {
        for (Sku s : declared) {
            Map<String, Product> table = known();
            Product known = find(table, s.skuPartNumber());
            if (known == null && s.skuId() != null) known = find(table, s.skuId());
            Product p = known != null ? known : s.exchangeOnline() == null ? null
                    : new Product(s.skuPartNumber(), s.skuId(), s.name(), s.exchangeOnline(), false, false);
            if (p == null) continue;
            bySnapshot.put(key(s.skuPartNumber()), p);
            if (s.skuId() != null) bySnapshot.put(key(s.skuId()), p);
        }
    }

    /** The product for a skuPartNumber or skuId, or null when unknown. */
    public Product product(String sku) {
        Product p = find(bySnapshot, sku);
        return p != null ? p : find(known(), sku);
    }

    /** The table in force ({@code licensing/skus.csv} unless {@code --tables} replaces it), by {@link #key}. */
    public static Map<String, Product> known() {
        return Tables.inForce().skus();
    }

    /** What a user's licenses give, for LIC-001..003. */
    public LicenseProfile profile(User u) {
        if (u.licenses() == null) return null;
        List<String> named = new ArrayList<>();
        List<String> exchange = new ArrayList<>();
        List<String> appsOnly = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String sku : u.licenses()) {
            Product p = product(sku);
            if (p == null) {
                unknown.add(sku);
                names.add(sku + " (unknown SKU)");
                continue;
            }
            names.add(p.name() + " (" + p.skuPartNumber() + ")");
            if (p.namedBySource()) named.add(p.name());
            if (p.exchangeMailbox()) exchange.add(p.name());
            if (p.appsOnly()) appsOnly.add(p.name());
        }
        return new LicenseProfile(u.id(), List.copyOf(names), !named.isEmpty(), !exchange.isEmpty(),
                !appsOnly.isEmpty(), List.copyOf(unknown));
    }

    private static Product find(Map<String, Product> map, String key) {
        return key == null ? null : map.get(key(key));
    }

    /**
     * A SKU as looked up: trimmed, lower case, non-breaking spaces as spaces (Microsoft's table writes some part
     * numbers with U+00A0 inside or at the end, e.g. {@code O365_w/o Teams Bundle_M3}).
     */
    public static String key(String sku) {
        return sku.replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT);
    }
}
