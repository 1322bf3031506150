package dev.preflight.licensing;

import dev.preflight.model.Sku;
import dev.preflight.model.User;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The license products Preflight knows (resource {@code licensing/skus.csv}) and how a user's licenses classify. */
public final class Licensing {

    /** One known SKU. */
    public record Product(String skuPartNumber, String skuId, String name, boolean exchangeMailbox,
                          boolean namedBySource, boolean appsOnly) {
    }

    private static final Map<String, Product> KNOWN = load();

    private final Map<String, Product> bySnapshot = new HashMap<>();

    /** Classifier for one snapshot: its declared SKUs extend (never override) the built-in table. */
    public Licensing(List<Sku> declared) {
        for (Sku s : declared) {
            Product known = find(KNOWN, s.skuPartNumber());
            if (known == null && s.skuId() != null) known = find(KNOWN, s.skuId());
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
        return p != null ? p : find(KNOWN, sku);
    }

    public static Map<String, Product> known() {
        return KNOWN;
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
    static String key(String sku) {
        return sku.replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Product> load() {
        Map<String, Product> out = new HashMap<>();
        try (InputStream in = Licensing.class.getResourceAsStream("/licensing/skus.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split(",");
                Product p = new Product(c[0], c[1], c[2], "yes".equals(c[3]), "yes".equals(c[4]), "yes".equals(c[5]));
                out.put(key(c[0]), p);
                out.put(key(c[1]), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
