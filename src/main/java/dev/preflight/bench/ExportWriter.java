package dev.preflight.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.licensing.Licensing;
import dev.preflight.model.Admin;
import dev.preflight.model.Group;
import dev.preflight.model.Member;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Raw exports (Graph envelopes, paged like the service pages them; the Exchange recipient list as CSV) of a
 * {@link Generator} tenant, for measuring {@code preflight import} at scale:
 * {@code ExportWriter USERS OUT_DIR [SEED]}.
 */
public final class ExportWriter {
    static final int PAGE = 999;
    static final String G = "https://graph.microsoft.com/v1.0";
    static final String TENANT = "0b8d6e2f-7c41-4a93-b5e0-3f9a2c1d7e55";
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> ROLES = Map.of("global-administrator", "62e90394-69f5-4237-9190-012177145e10",
            "exchange-administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de", "global-reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451");

    private ExportWriter() {
    }

    public static void main(String[] args) throws IOException, InputException {
        if (args.length < 2) {
            System.err.println("usage: ExportWriter USERS OUT_DIR [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Path snap = Files.createTempDirectory("preflight-generated-");
        new Generator(Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 1L).write(snap);
        write(new SnapshotLoader().load(snap), out);
    }

    interface Item {
        void write(JsonGenerator g, int index) throws IOException;
    }

    public static void write(Snapshot s, Path out) throws IOException {
        Licensing lic = new Licensing(s.skus());
        page(out.resolve("graph/organization"), G + "/organization", 1, (g, i) -> {
            g.writeStringField("id", TENANT);
            g.writeStringField("displayName", s.tenant().name());
            g.writeBooleanField("onPremisesSyncEnabled", true);
            g.writeArrayFieldStart("verifiedDomains");
            g.writeStartObject();
            g.writeStringField("name", s.tenant().defaultDomain());
            g.writeBooleanField("isDefault", true);
            g.writeStringField("type", "Managed");
            g.writeEndObject();
            g.writeEndArray();
        });
        List<String> skus = s.skus().stream().map(k -> k.skuPartNumber()).toList();
        page(out.resolve("graph/subscribedSkus"), G + "/subscribedSkus", skus.size(), (g, i) -> {
            Licensing.Product p = lic.product(skus.get(i));
            g.writeStringField("skuId", p.skuId());
            g.writeStringField("skuPartNumber", p.skuPartNumber());
            g.writeStringField("capabilityStatus", "Enabled");
            g.writeArrayFieldStart("servicePlans");
            if (p.exchangeMailbox()) {
                g.writeStartObject();
                g.writeStringField("servicePlanId", "efb87545-963c-4e0d-99df-69c6916d9eb0");
                g.writeStringField("servicePlanName", "EXCHANGE_S_ENTERPRISE");
                g.writeEndObject();
            }
            g.writeEndArray();
        });
        List<User> users = s.users();
        page(out.resolve("graph/users"), G + "/users?$select=id,displayName,userPrincipalName,mail,accountEnabled,assignedLicenses&$top=999",
                users.size(), (g, i) -> {
                    User u = users.get(i);
                    g.writeStringField("id", u.id());
                    g.writeStringField("displayName", u.displayName());
                    g.writeStringField("userPrincipalName", u.upn());
                    g.writeStringField("mail", u.mail());
                    g.writeBooleanField("accountEnabled", u.active());
                    g.writeArrayFieldStart("assignedLicenses");
                    if (u.licenses() != null) {
                        for (String l : u.licenses()) {
                            g.writeStartObject();
                            g.writeStringField("skuId", lic.product(l).skuId());
                            g.writeArrayFieldStart("disabledPlans");
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                    }
                    g.writeEndArray();
                });
        List<Group> groups = s.groups();
        page(out.resolve("graph/groups"), G + "/groups?$select=id,displayName,mail,mailEnabled,securityEnabled,groupTypes&$top=999",
                groups.size(), (g, i) -> {
                    Group gr = groups.get(i);
                    g.writeStringField("id", gr.id());
                    g.writeStringField("displayName", gr.displayName());
                    g.writeStringField("mail", gr.mail());
                    g.writeBooleanField("mailEnabled", !"security".equals(gr.type()));
                    g.writeBooleanField("securityEnabled", gr.type().contains("security"));
                    g.writeArrayFieldStart("groupTypes");
                    if ("microsoft-365".equals(gr.type())) g.writeString("Unified");
                    g.writeEndArray();
                });
        for (Group gr : groups) {
            List<Member> ms = gr.members();
            page(out.resolve("graph/members/" + gr.id()), G + "/groups/" + gr.id() + "/members?$select=id&$top=999", ms.size(), (g, i) -> {
                g.writeStringField("@odata.type", "#microsoft.graph." + (ms.get(i).kind().equals("contact") ? "orgContact" : ms.get(i).kind()));
                g.writeStringField("id", ms.get(i).ref());
            });
        }
        List<Admin> admins = s.admins();
        page(out.resolve("graph/roles"), G + "/roleManagement/directory/roleAssignmentScheduleInstances", admins.size(), (g, i) -> {
            g.writeStringField("principalId", admins.get(i).userId());
            g.writeStringField("roleDefinitionId", ROLES.getOrDefault(admins.get(i).roles().get(0), "00000000-0000-0000-0000-000000000000"));
            g.writeStringField("directoryScopeId", "/");
            g.writeStringField("assignmentType", "Assigned");
        });
        Files.createDirectories(out.resolve("exchange"));
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out.resolve("exchange/recipients.csv"), StandardCharsets.UTF_8))) {
            w.write("UserPrincipalName,ExternalDirectoryObjectId,RecipientTypeDetails\n");
            for (User u : users) {
                if (u.mailbox() == null || u.mailbox().type() == null || "none".equals(u.mailbox().type())) continue;
                w.write(u.upn() + "," + u.id() + "," + ("on-premises".equals(u.mailbox().type()) ? "MailUser" : "UserMailbox") + "\n");
            }
        }
    }

    /** One listing as envelope pages of {@link #PAGE} items chained by @odata.nextLink. */
    static void page(Path folder, String url, int count, Item item) throws IOException {
        Files.createDirectories(folder);
        int pages = Math.max(1, (count + PAGE - 1) / PAGE);
        String request = url;
        for (int p = 0; p < pages; p++) {
            String next = p + 1 < pages ? url + (url.contains("?") ? "&" : "?") + "$skiptoken=" + (p + 1) : null;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(folder.resolve(String.format("page-%04d.json", p + 1)), StandardCharsets.UTF_8), 1 << 16);
                 JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                g.writeNumberField("preflightExport", 1);
                g.writeStringField("tenant", TENANT);
                g.writeStringField("request", "GET " + request);
                g.writeNumberField("status", 200);
                g.writeStringField("receivedAt", "2026-11-20T09:00:00Z");
                g.writeObjectFieldStart("response");
                g.writeArrayFieldStart("value");
                for (int i = p * PAGE; i < Math.min(count, (p + 1) * PAGE); i++) {
                    g.writeStartObject();
                    item.write(g, i);
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (next != null) g.writeStringField("@odata.nextLink", next);
                g.writeEndObject();
                g.writeEndObject();
            }
            request = next;
        }
    }
}
