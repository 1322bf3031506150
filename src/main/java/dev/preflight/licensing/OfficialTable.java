package dev.preflight.licensing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft's "Product names and service plan identifiers for licensing" table (resource
 * {@code licensing/product-names-and-service-plan-identifiers-for-licensing.csv}, see OFFICIAL-TABLE.md there).
 */
public final class OfficialTable {
    public static final String RESOURCE = "/licensing/product-names-and-service-plan-identifiers-for-licensing.csv";
    public static final String DATE = "2025-12-30";

    /** The service plans that give an Exchange Online mailbox ({@code EXCHANGE_S_FOUNDATION} does not). */
    public static final Set<String> MAILBOX_PLANS = Set.of("EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_STANDARD", "EXCHANGE_S_DESKLESS",
            "EXCHANGE_S_ENTERPRISE_GOV", "EXCHANGE_S_STANDARD_GOV", "EXCHANGE_S_DESKLESS_GOV");

    public record Plan(String name, String id, String friendlyName) {
        public boolean mailbox() {
            return MAILBOX_PLANS.contains(name.toUpperCase(Locale.ROOT));
        }
    }

    public record Product(String skuId, String skuPartNumber, String name, List<Plan> plans) {
        /** The product's Exchange Online mailbox plans. */
        public List<Plan> mailboxPlans() {
            return plans.stream().filter(Plan::mailbox).toList();
        }
    }

    private static volatile OfficialTable shared;
    private final Map<String, Product> bySkuId;

    private OfficialTable(Map<String, Product> bySkuId) {
        this.bySkuId = bySkuId;
    }

    public static OfficialTable get() {
        OfficialTable t = shared;
        if (t == null) {
            synchronized (OfficialTable.class) {
                if (shared == null) shared = load();
                t = shared;
            }
        }
        return t;
    }

    /** The product with this skuId (case-insensitive), or null. */
    public Product product(String skuId) {
        return skuId == null ? null : bySkuId.get(skuId.toLowerCase(Locale.ROOT));
    }

    public Collection<Product> products() {
        return bySkuId.values();
    }

    private static OfficialTable load() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> parts = new LinkedHashMap<>();
        Map<String, List<Plan>> plans = new LinkedHashMap<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (InputStream in = OfficialTable.class.getResourceAsStream(RESOURCE);
             MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                     .with(CsvSchema.emptySchema()).readValues(skipBom(in))) {
            boolean header = true;
            while (rows.hasNext()) {
                List<String> r = rows.next();
                if (header) {
                    header = false;
                    continue;
                }
                if (r.size() < 6) continue;
                String sku = r.get(2).trim().toLowerCase(Locale.ROOT);
                names.putIfAbsent(sku, r.get(0).trim());
                parts.putIfAbsent(sku, r.get(1).trim());
                plans.computeIfAbsent(sku, k -> new ArrayList<>()).add(new Plan(r.get(3).trim(), r.get(4).trim().toLowerCase(Locale.ROOT), r.get(5).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Product> out = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            out.put(e.getKey(), new Product(e.getKey(), parts.get(e.getKey()), e.getValue(), List.copyOf(plans.get(e.getKey()))));
        }
        return new OfficialTable(Map.copyOf(out));
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] b = p.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf)) p.unread(b);
        return p;
    }
}
