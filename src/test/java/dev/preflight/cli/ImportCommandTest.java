package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code preflight import} on the raw exports of the fixture tenant (src/test/resources/exports/tailspin), end to end. */
class ImportCommandTest {
    static final Path TAILSPIN = Path.of("src/test/resources/exports/tailspin");

    @Test
    void fixtureExportsImportAndCheckWithExactFindingsEachTracedToItsExport(@TempDir Path tmp) throws IOException {
        Path snap = tmp.resolve("snapshot");
        Cli imp = Cli.run("import", TAILSPIN.toString(), "--out", snap.toString(), "--quiet");
        assertEquals(0, imp.code(), imp.err());
        assertEquals("warning: license skuId 11111111-2222-4333-8444-555555555555 is assigned to users but neither /subscribedSkus nor "
                + "Microsoft's licensing table (2025-12-30) knows it: the license rules report it as unknown, never as supported\n", imp.err());
        assertEquals(List.of("admins.yaml", "apps.yaml", "consent.yaml", "dynamics.yaml", "groups.yaml", "tenant.yaml", "users.yaml"), names(snap));

        Path report = tmp.resolve("report.json");
        Cli check = Cli.run("check", snap.toString(), "--format", "json=" + report);
        assertEquals(1, check.code(), check.err());
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        List<String> found = new ArrayList<>();
        for (JsonNode f : r.get("findings")) {
            JsonNode o = f.get("location").get("origin");
            found.add(f.get("ruleId").asText() + "|" + f.path("undecidedRule").asText() + "|" + f.get("subject").get("id").asText()
                    + "|" + o.get("file").asText() + "#" + o.get("pointer").asText());
        }
        assertEquals(List.of(
                // Fred's E3 has EXCHANGE_S_ENTERPRISE disabled and mailboxSettings says 404 MailboxNotEnabledForRESTAPI
                "EXO-001||aaaaaaaa-0000-4000-8000-000000000003|graph/users/page-0001.json#/response/value/2",
                // Hank is a MailUser seen from the cloud: his mailbox is on premises (not "no mailbox")
                "EXO-002||aaaaaaaa-0000-4000-8000-000000000004|graph/users/page-0001.json#/response/value/3",
                "DATA-003||bbbbbbbb-0000-4000-8000-000000000003|powershell/groups.json#/2",
                "DATA-004|ADD-002|6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|ADD-003|6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|ADD-007|6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|SAAS-004|6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|SAAS-005|6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|ADD-002|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ADD-003|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ADD-005|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ADD-006|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ADD-007|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|SAAS-004|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|SAAS-005|1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ADM-001|centralized-deployment-6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|EXO-003|centralized-deployment-6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|ROL-003|centralized-deployment-6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|ROL-004|centralized-deployment-6a75788e-1c6b-4e9b-b5db-5975a2072122|centralized-deployment/6a75788e-1c6b-4e9b-b5db-5975a2072122.json#/response",
                "DATA-004|ADM-001|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|EXO-003|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|GRP-001|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|GRP-002|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|GRP-003|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|GRP-004|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|GRP-005|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                // the list call alone carries no assignments: unknown, never "no members"
                "DATA-004|GRP-006|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|GRP-007|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ROL-001|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ROL-002|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ROL-003|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|ROL-004|centralized-deployment-1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21|centralized-deployment/addins.json#/response/1",
                "DATA-004|DYN-002|77777777-0000-4000-8000-000000000001|dataverse/organizations.json#/value/0",
                "DATA-004|DYN-010|77777777-0000-4000-8000-000000000001|dataverse/organizations.json#/value/0",
                "DATA-004|DYN-012|11111111-0000-4000-8000-000000000001|dataverse/systemusers.json#/value/0",
                "DATA-004|DYN-013|11111111-0000-4000-8000-000000000001|dataverse/systemusers.json#/value/0",
                "DATA-004|DYN-009|11111111-0000-4000-8000-000000000001|dataverse/systemusers.json#/value/0",
                "DATA-004|DYN-003|11111111-0000-4000-8000-000000000003|dataverse/systemusers.json#/value/1",
                "DATA-004|DYN-007|11111111-0000-4000-8000-000000000003|dataverse/systemusers.json#/value/1",
                "DATA-004|DYN-008|11111111-0000-4000-8000-000000000003|dataverse/systemusers.json#/value/1",
                "DATA-004|DYN-012|11111111-0000-4000-8000-000000000003|dataverse/systemusers.json#/value/1",
                "DATA-004|DYN-013|11111111-0000-4000-8000-000000000003|dataverse/systemusers.json#/value/1",
                "DATA-004|DYN-016|11111111-0000-4000-8000-000000000003|dataverse/systemusers.json#/value/1",
                "DATA-004|DYN-003|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-004|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-007|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-008|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-009|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-012|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-013|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-015|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|DYN-016|not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002|dataverse/teams.json#/value/1",
                "DATA-004|GRP-002|bbbbbbbb-0000-4000-8000-000000000001|powershell/groups.json#/0",
                "DATA-004|ADM-005|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|ADM-006|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|ADM-007|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|CDP-004|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|ROL-003|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|SAAS-001|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|SAAS-002|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|SAAS-003|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|SAAS-004|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|TEN-004|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|TEN-005|5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0",
                "DATA-004|EXO-004|aaaaaaaa-0000-4000-8000-000000000001|graph/users/page-0001.json#/response/value/0",
                "DATA-004|EXO-003|aaaaaaaa-0000-4000-8000-000000000002|graph/users/page-0001.json#/response/value/1",
                "DATA-004|EXO-004|aaaaaaaa-0000-4000-8000-000000000003|graph/users/page-0001.json#/response/value/2",
                "DATA-004|EXO-004|aaaaaaaa-0000-4000-8000-000000000004|graph/users/page-0001.json#/response/value/3",
                "DATA-004|CLI-007|aaaaaaaa-0000-4000-8000-000000000004|graph/users/page-0001.json#/response/value/3",
                "DATA-004|CLI-007|aaaaaaaa-0000-4000-8000-000000000004|graph/users/page-0001.json#/response/value/3",
                "DATA-004|CLI-007|aaaaaaaa-0000-4000-8000-000000000004|graph/users/page-0001.json#/response/value/3",
                "DATA-004|CLI-007|aaaaaaaa-0000-4000-8000-000000000004|graph/users/page-0001.json#/response/value/3",
                "DATA-004|EXO-003|aaaaaaaa-0000-4000-8000-000000000005|graph/users/page-0002.json#/response/value/0",
                "DATA-004|EXO-004|aaaaaaaa-0000-4000-8000-000000000005|graph/users/page-0002.json#/response/value/0",
                "DATA-004|EXO-003|aaaaaaaa-0000-4000-8000-000000000007|graph/users/page-0002.json#/response/value/2",
                "DATA-004|EXO-004|aaaaaaaa-0000-4000-8000-000000000007|graph/users/page-0002.json#/response/value/2",
                "DATA-004|LIC-002|aaaaaaaa-0000-4000-8000-000000000007|graph/users/page-0002.json#/response/value/2",
                "GRP-001||bbbbbbbb-0000-4000-8000-000000000001|powershell/groups.json#/0",
                "GRP-007||aaaaaaaa-0000-4000-8000-000000000006|graph/users/page-0002.json#/response/value/1",
                "CON-003||5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b|graph/organization.json#/value/0"), found);

        // DATA-004 names the call that failed
        JsonNode ten004 = finding(r, "TEN-004");
        assertEquals("TEN-004 could not be decided for tenant 'Tailspin Toys': the snapshot does not give tenant.appManagementService.present "
                + "(absent because GET https://graph.microsoft.com/v1.0/servicePrincipals?$filter=appId eq '0517ffae-825d-4aff-999e-3f2336b8a20a'"
                + "&$select=id,appId,displayName,accountEnabled returned 403 Authorization_RequestDenied (graph/appManagementService.json))",
                ten004.get("message").asText());
        assertTrue(finding(r, "GRP-006").get("message").asText().endsWith("(absent because Get-OrganizationAddIn without -ProductId lists add-ins "
                + "but carries no assignments (centralized-deployment/addins.json); run Get-OrganizationAddIn -ProductId 1d1a6f3c-2b4e-4c8a-9f0e-7b6d5c4b3a21)"));

        // the text report shows the export beside the snapshot location
        Cli text = Cli.run("check", snap.toString(), "--fail-on", "none");
        assertTrue(text.out().contains("  EXO-002  " + snap.resolve("users.yaml") + ":77:5  (from graph/users/page-0001.json#/response/value/3)\n"), text.out());
    }

    @Test
    void importedFactsKeepTheDistinctionsOfTheSources(@TempDir Path tmp) throws IOException {
        Path snap = tmp.resolve("s");
        assertEquals(0, Cli.run("import", TAILSPIN.toString(), "--out", snap.toString(), "--quiet").code());
        String admins = Files.readString(snap.resolve("admins.yaml"));
        // Pat's Global Administrator is only PIM-activated: not a standing role
        assertTrue(admins.contains("""
                  - user: aaaaaaaa-0000-4000-8000-000000000005
                    roles: []
                    activatedRoles:
                      - global-administrator
                """), admins);
        String users = Files.readString(snap.resolve("users.yaml"));
        assertTrue(users.contains("""
                    licenses:
                      - SPE_E3
                    exchangePlan: disabled
                    mailbox:
                      type: none
                      origin:
                        file: graph/mailboxSettings/fred.json
                        pointer: /response/error
                """), users);
        // Hank's on-premises mailbox is traced to the Exchange recipients row
        assertTrue(users.contains("""
                    mailbox:
                      type: on-premises
                      origin:
                        file: exchange/recipients.csv
                        line: 4
                """), users);
        assertTrue(users.contains("""
                    licenses:
                      - 11111111-2222-4333-8444-555555555555
                      - OFFICESUBSCRIPTION
                    mailbox:
                """), users); // an unknown SKU: whether it has a mailbox plan is unknown, so no exchangePlan
        // Intune's AppInvRawData: Microsoft 365 Apps is Word, Excel, PowerPoint and Outlook; 7-Zip is not a client
        assertTrue(users.contains("""
                    clients:
                      - app: word
                        platform: windows
                        edition: microsoft-365
                        version: 16.0.17928.20114
                """), users);
        assertTrue(users.contains("    edition: office-2016\n        version: 16.0.4266.1001\n"), users);
        // the plain CSV inventory: an update channel means the subscription
        assertTrue(users.contains("""
                      - app: outlook
                        platform: mac
                        edition: microsoft-365
                        version: "16.80"
                """), users);
        // no inventory row for Uma: her clients stay absent (DATA-004 for the client rules), not []
        String uma = users.substring(users.indexOf("upn: uma@"));
        assertFalse(uma.contains("clients"), uma);
        String groups = Files.readString(snap.resolve("groups.yaml"));
        // a forbidden members call leaves the members absent (not []), with the reason in gaps
        assertTrue(groups.contains("""
                  - id: bbbbbbbb-0000-4000-8000-000000000005
                    displayName: Finance readers
                    type: security
                    origin:
                """), groups);
        assertTrue(groups.contains("    type: microsoft-365\n    dynamicMembership: true\n"), groups);
        String dynamics = Files.readString(snap.resolve("dynamics.yaml"));
        // Entra-group team: Bert is a group member not yet in systemusers, so not yet provisioned (not "no role")
        assertTrue(dynamics.contains("""
                    - id: not-yet-provisioned-aaaaaaaa-0000-4000-8000-000000000002
                      user: aaaaaaaa-0000-4000-8000-000000000002
                      provisioned: false
                """), dynamics);
        String tenant = Files.readString(snap.resolve("tenant.yaml"));
        assertTrue(tenant.contains("  userConsent: true\n"), tenant);
        assertFalse(tenant.contains("appManagementService:"), tenant);
    }

    @Test
    void sameExportsGiveTheSameBytes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run("import", TAILSPIN.toString(), "--out", a.toString(), "--quiet").code());
        assertEquals(0, Cli.run("import", TAILSPIN.toString(), "--out", b.toString(), "--quiet").code());
        for (String name : names(a)) assertEquals(Files.readString(a.resolve(name)), Files.readString(b.resolve(name)), name);
    }

    @Test
    void aTruncatedListingIsAnInputErrorWithFileAndPointerAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Path exports = copy(tmp);
        Files.delete(exports.resolve("graph/users/page-0002.json"));
        Path snap = tmp.resolve("snap");
        Cli r = Cli.run("import", exports.toString(), "--out", snap.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith(exports.resolve("graph/users/page-0001.json") + ":65:24: truncated: /response/@odata.nextLink names a page "
                + "that is not in the exports folder"), r.err());
        assertTrue(r.err().endsWith("preflight: nothing written\n"), r.err());
        assertFalse(Files.exists(snap));
        assertEquals(List.of(), Files.list(tmp).filter(p -> p.getFileName().toString().startsWith(".")).toList());
    }

    @Test
    void bareTruncatedPagesMalformedAndUnknownFilesAreInputErrors(@TempDir Path tmp) throws IOException {
        Path exports = tmp.resolve("exports");
        Files.createDirectories(exports.resolve("bare"));
        Files.writeString(exports.resolve("bare/a.json"), """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups",
                 "value": [{"id": "g1", "groupTypes": [], "mailEnabled": true, "securityEnabled": false}],
                 "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups?$skiptoken=x"}
                """);
        Files.writeString(exports.resolve("broken.json"), "{\"value\": [ {\"id\": 1, } ]}");
        Files.writeString(exports.resolve("other.json"), "{\"colour\": \"blue\"}");
        Cli r = Cli.run("import", exports.toString(), "--out", tmp.resolve("snap").toString());
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().split("\n");
        assertTrue(lines[0].startsWith(exports.resolve("broken.json") + ":1:23: malformed JSON: Unexpected character ('}'"), lines[0]);
        assertEquals(exports.resolve("other.json") + ":1:1: unknown shape: not an export Preflight reads (properties colour); "
                + "see docs/collecting.md for the sources and their shapes", lines[1]);
        assertTrue(lines[2].startsWith(exports.resolve("bare/a.json") + ":3:21: truncated: /@odata.nextLink names a following page, but this is "
                + "the last page of the listing in its folder"), lines[2]);
        assertFalse(Files.exists(tmp.resolve("snap")));
    }

    @Test
    void exportsOfTwoTenantsAreRefused(@TempDir Path tmp) throws IOException {
        Path exports = copy(tmp);
        Path sku = exports.resolve("graph/subscribedSkus.json");
        Files.writeString(sku, Files.readString(sku).replace("\"tenant\": \"5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b\"", "\"tenant\": \"fabrikam.onmicrosoft.com\""));
        Cli r = Cli.run("import", exports.toString(), "--out", tmp.resolve("snap").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tenant 'fabrikam.onmicrosoft.com' here, but '5b1f0c3e-8a2d-4e6f-9b7a-1c2d3e4f5a6b' in "), r.err());
    }

    @Test
    void anExistingSnapshotIsReplacedOnlyWithForce(@TempDir Path tmp) throws IOException {
        Path snap = tmp.resolve("snap");
        Files.createDirectories(snap);
        Files.writeString(snap.resolve("mine.yaml"), "schemaVersion: 1\n");
        Cli r = Cli.run("import", TAILSPIN.toString(), "--out", snap.toString());
        assertEquals(2, r.code());
        assertEquals(snap + ": exists and is not empty: not overwritten (use --force to replace it)\npreflight: nothing written\n", r.err());
        assertEquals(List.of("mine.yaml"), names(snap));
        assertEquals(0, Cli.run("import", TAILSPIN.toString(), "--out", snap.toString(), "--force", "--quiet").code());
        assertEquals(List.of("admins.yaml", "apps.yaml", "consent.yaml", "dynamics.yaml", "groups.yaml", "tenant.yaml", "users.yaml"), names(snap));
    }

    @Test
    void thePlainInventorysColumnsAreConfigurable(@TempDir Path tmp) throws IOException {
        Path exports = tmp.resolve("exports");
        Files.createDirectories(exports.resolve("graph"));
        Files.copy(TAILSPIN.resolve("graph/organization.json"), exports.resolve("graph/organization.json"));
        Files.writeString(exports.resolve("graph/users.json"), """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,accountEnabled)",
                 "value": [{"id": "u1", "userPrincipalName": "ann@tailspin.example", "accountEnabled": true}]}
                """);
        Files.writeString(exports.resolve("inventory.csv"), "Owner,Product,OS,Build\nann@tailspin.example,Excel,Windows,16.0.17928.20114\n");
        assertEquals(2, Cli.run("import", exports.toString(), "--out", tmp.resolve("a").toString()).code(), "unknown columns: unknown shape");
        Cli r = Cli.run("import", exports.toString(), "--out", tmp.resolve("b").toString(), "--quiet",
                "--inventory-columns", "user=Owner,app=Product,platform=OS,version=Build");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(tmp.resolve("b/users.yaml")).contains("""
                    clients:
                      - app: excel
                        platform: windows
                        version: 16.0.17928.20114
                """));
        Cli bad = Cli.run("import", exports.toString(), "--out", tmp.resolve("c").toString(), "--inventory-columns", "owner=Owner");
        assertEquals(2, bad.code());
        assertEquals("--inventory-columns: unknown field 'owner' (user, app, platform, channel, version, edition)\npreflight: nothing written\n", bad.err());
    }

    @Test
    void scubaGearsSampleExportYieldsItsTenantLicensesAndConsent(@TempDir Path tmp) throws IOException {
        Path exports = tmp.resolve("exports");
        Files.createDirectories(exports);
        Files.copy(Path.of("src/test/resources/scubagear/ProviderSettingsExport.json"), exports.resolve("ProviderSettingsExport.json"));
        Path snap = tmp.resolve("snap");
        Cli r = Cli.run("import", exports.toString(), "--out", snap.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("tenant.yaml"), names(snap));
        assertEquals("""
                schemaVersion: 1
                snapshot:
                  takenAt: 2026-05-04T17:15:48Z
                  source: preflight import 0.1.0
                tenant:
                  id: ca08493a-c9c8-4db0-a9e8-d3b4bafac269
                  name: tqhjy
                  defaultDomain: tqhjy.onmicrosoft.com
                  cloud: gcc
                  directory: synced
                  exchangeOnline: true
                  userConsent: true
                  origin:
                    file: ProviderSettingsExport.json
                    pointer: /tenant_details/0
                skus:
                  - skuPartNumber: CDS_DB_CAPACITY_GOV
                    skuId: eddf428b-da0e-4115-accf-b29eb0b83965
                    name: Common Data Service Database Capacity for Government
                    exchangeOnline: false
                    origin:
                      file: ProviderSettingsExport.json
                      pointer: /license_information/0
                  - skuPartNumber: M365_G5_GCC
                    skuId: e2be619b-b125-455f-8660-fb503e431a5d
                    name: Microsoft 365 GCC G5
                    exchangeOnline: true
                    origin:
                      file: ProviderSettingsExport.json
                      pointer: /license_information/1
                gaps:
                  - fact: admins
                    reason: "role assignments were read, but not GET /users: the admins section needs the directory's users"
                """.replace("0.1.0", dev.preflight.Preflight.VERSION), Files.readString(snap.resolve("tenant.yaml")));
        Path report = tmp.resolve("r.json");
        assertEquals(1, Cli.run("check", snap.toString(), "--format", "json=" + report).code());
        List<String> found = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(report.toFile()).get("findings")) {
            found.add(f.get("ruleId").asText() + "|" + f.path("undecidedRule").asText() + "|" + f.get("location").get("origin").get("pointer").asText());
        }
        assertEquals(List.of("TEN-001||/tenant_details/0", "DATA-004|CON-002|/tenant_details/0", "DATA-004|TEN-004|/tenant_details/0", "DATA-004|TEN-005|/tenant_details/0",
                "CON-003||/tenant_details/0"), found);
    }

    @Test
    void anIncompleteCollectionIsReportedAndGroupsWithoutMembersStayUnknown(@TempDir Path tmp) throws IOException {
        Path exports = tmp.resolve("exports");
        Files.createDirectories(exports);
        Files.writeString(exports.resolve("groups.json"), """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups",
                 "value": [{"id": "g1", "displayName": "Sales", "groupTypes": ["Unified"], "mailEnabled": true, "securityEnabled": false}]}
                """);
        Files.writeString(exports.resolve("preflight-collect.json"), """
                {"preflightCollect": 1, "tenant": "t1", "complete": false,
                 "calls": [{"request": "GET https://graph.microsoft.com/v1.0/groups", "status": 200, "pages": 1, "file": "groups.json"},
                           {"request": "GET https://graph.microsoft.com/v1.0/users", "status": 429, "file": "users.json"}]}
                """);
        Path snap = tmp.resolve("snap");
        Cli r = Cli.run("import", exports.toString(), "--out", snap.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: preflight-collect.json: the collection is not complete (\"complete\": false): what it missed is absent; "
                + "calls that did not succeed: GET https://graph.microsoft.com/v1.0/users (429)\n", r.err());
        assertEquals(List.of("groups.yaml", "tenant.yaml"), names(snap));
        assertTrue(Files.readString(snap.resolve("tenant.yaml")).endsWith("""
                gaps:
                  - fact: "groups[].members"
                    reason: "no GET /groups/{id}/members was exported"
                """), Files.readString(snap.resolve("tenant.yaml")));
        assertFalse(Files.readString(snap.resolve("groups.yaml")).contains("members"));
    }

    @Test
    void graphPowerShellOutputIsReadLikeRestAndLicensesAreNamedFromMicrosoftsTable(@TempDir Path tmp) throws IOException {
        Path exports = tmp.resolve("exports");
        Files.createDirectories(exports);
        // Get-MgUser -All -Property Id,UserPrincipalName,AccountEnabled,AssignedLicenses | ConvertTo-Json -Depth 5
        Files.writeString(exports.resolve("users.json"), """
                [{"Id": "u1", "UserPrincipalName": "ann@tailspin.example", "AccountEnabled": true,
                  "AssignedLicenses": [{"SkuId": "05E9A617-0261-4CEE-BB44-138D3EF5D965", "DisabledPlans": []}],
                  "AdditionalProperties": {}},
                 {"Id": "u2", "UserPrincipalName": "ben@tailspin.example", "AccountEnabled": false,
                  "AssignedLicenses": [{"SkuId": "c2273bd0-dff7-4215-9ef5-2c7bcfb06425", "DisabledPlans": []}],
                  "AdditionalProperties": {}}]
                """);
        Path snap = tmp.resolve("snap");
        assertEquals(0, Cli.run("import", exports.toString(), "--out", snap.toString(), "--quiet").code());
        assertEquals("""
                schemaVersion: 1
                users:
                  - id: u1
                    upn: ann@tailspin.example
                    accountState: enabled
                    licenses:
                      - SPE_E3
                    exchangePlan: enabled
                    origin:
                      file: users.json
                      pointer: /0
                  - id: u2
                    upn: ben@tailspin.example
                    accountState: disabled
                    licenses:
                      - OFFICESUBSCRIPTION
                    exchangePlan: none
                    origin:
                      file: users.json
                      pointer: /1
                """, Files.readString(snap.resolve("users.yaml")));
    }

    @Test
    void powerShellOutputCutShortByConvertToJsonsDepthIsAnInputError(@TempDir Path tmp) throws IOException {
        Path exports = tmp.resolve("exports");
        Files.createDirectories(exports);
        Files.writeString(exports.resolve("users.json"), """
                [{"Id": "u1", "UserPrincipalName": "ann@tailspin.example", "AccountEnabled": true,
                  "AssignedLicenses": ["Microsoft.Graph.PowerShell.Models.MicrosoftGraphAssignedLicense"]}]
                """);
        Cli r = Cli.run("import", exports.toString(), "--out", tmp.resolve("snap").toString());
        assertEquals(2, r.code());
        assertEquals(exports.resolve("users.json") + ":1:2: /0/assignedLicenses/0: not a license object with a skuId but the text "
                + "'Microsoft.Graph.PowerShell.Models.MicrosoftGraphAssignedLicense' (ConvertTo-Json needs -Depth 5 or more)\n"
                + "preflight: nothing written\n", r.err());
    }

    @Test
    void licensesPrintsWhatMicrosoftsTableKnows() {
        Cli r = Cli.run("licenses", "--find", "SPE_E3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Microsoft's licensing table of 2025-12-30: 569 products, "), r.out());
        assertTrue(r.out().contains("\nSPE_E3\t05e9a617-0261-4cee-bb44-138d3ef5d965\tEXCHANGE_S_ENTERPRISE\tyes\tMicrosoft 365 E3\n"), r.out());
        Cli apps = Cli.run("licenses", "--find", "c2273bd0-dff7-4215-9ef5-2c7bcfb06425");
        assertTrue(apps.out().contains("\nOFFICESUBSCRIPTION\tc2273bd0-dff7-4215-9ef5-2c7bcfb06425\tnone\tno\tMicrosoft 365 Apps for Enterprise\n"), apps.out());
    }

    private static JsonNode finding(JsonNode report, String rule) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals(rule) || f.path("undecidedRule").asText().equals(rule)) return f;
        }
        throw new AssertionError("no finding for " + rule);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path copy(Path tmp) throws IOException {
        Path to = tmp.resolve("exports");
        try (Stream<Path> s = Files.walk(TAILSPIN)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(TAILSPIN.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }
}
