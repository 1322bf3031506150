package dev.preflight.report;

import dev.preflight.Preflight;
import dev.preflight.TestSupport;
import dev.preflight.engine.Severity;
import dev.preflight.model.Snapshot;
import dev.preflight.plan.Plan;
import dev.preflight.plan.PlanBinding;
import dev.preflight.plan.PlanReader;
import dev.preflight.policy.Policy;
import dev.preflight.render.RendererGoldenTest;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readiness user by user: exact states and reasons per user and deployment on the golden cases, the counts the HTML
 * and Markdown sections show, a plan's added members, a missing fact, and a join that stays linear (counted work).
 */
class ReadinessTest {
    static Map<String, Report> cases;

    @BeforeAll
    static void cases() throws Exception {
        cases = RendererGoldenTest.cases();
    }

    /** deployment -> "user=state" in row order (a row without a user as "?"). */
    static Map<String, List<String>> states(Report r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Readiness.Deployment d : Readiness.of(r).deployments()) {
            List<String> rows = new ArrayList<>();
            for (Readiness.Row row : d.rows()) {
                rows.add((row.userId() == null ? "?" : row.userId().replace("@ready.example", "").replace("@fabrikam.com", ""))
                        + "=" + row.state().label());
            }
            out.put(d.view().id(), rows);
        }
        return out;
    }

    static String counts(Readiness.Deployment d) {
        return d.view().id() + ": " + d.users() + " users, " + d.ready() + " ready, " + d.blocked() + " blocked, "
                + d.unverified() + " could not verify";
    }

    static Readiness.Row row(Report r, String deployment, String user) {
        for (Readiness.Deployment d : Readiness.of(r).deployments()) {
            if (!d.view().id().equals(deployment)) continue;
            for (Readiness.Row row : d.rows()) if (user.equals(row.userId())) return row;
        }
        throw new AssertionError(user + " not in " + deployment);
    }

    @Test
    void everyUserOfEachDeploymentWithItsState() {
        Report r = cases.get("ready");
        assertEquals(Map.of(
                "crm-team", List.of("ada=ready", "ben=blocked", "cleo=could not verify", "dan=blocked", "eve=ready", "fay=ready",
                        "gus=ready", "hal=blocked"),
                "sheet-pair", List.of("ada=ready", "gus=blocked"),
                "crm-ghosts", List.of("?=could not verify")), states(r));
        List<String> counts = Readiness.of(r).deployments().stream().map(ReadinessTest::counts).toList();
        assertEquals(List.of("crm-team: 8 users, 4 ready, 3 blocked, 1 could not verify",
                "sheet-pair: 2 users, 1 ready, 1 blocked, 0 could not verify",
                "crm-ghosts: 0 users, 0 ready, 0 blocked, 0 could not verify"), counts);
    }

    @Test
    void reasonsSayWhichRuleAndWhy() {
        Report r = cases.get("ready");
        assertEquals(List.of("LIC-001: User 'Ben Okafor <ben@ready.example>' has no license that gives Exchange Online"),
                row(r, "crm-team", "ben@ready.example").blockers().stream().map(Readiness.Reason::line).toList());
        // Left out: the exclusion is the blocker, named by the rule that reports it.
        Readiness.Row dan = row(r, "crm-team", "dan@ready.example");
        assertEquals(false, dan.reached());
        assertEquals(List.of("GRP-001: nested group (Team > Sub Team > Dan Ruiz <dan@ready.example>)"),
                dan.blockers().stream().map(Readiness.Reason::line).toList());
        assertEquals(List.of("GRP-007"), row(r, "crm-team", "hal@ready.example").blockerRules());
        // A warning leaves the user ready; a waived error never blocks and is listed as waived.
        Readiness.Row eve = row(r, "crm-team", "eve@ready.example");
        assertEquals(List.of("LIC-003"), eve.reasons().warnings().stream().map(Readiness.Reason::ruleId).toList());
        Readiness.Row fay = row(r, "crm-team", "fay@ready.example");
        assertEquals(Readiness.State.READY, fay.state());
        assertEquals(List.of("EXO-004"), fay.reasons().waived().stream().map(Readiness.Reason::ruleId).toList());
        // A finding about one Office client counts only where the app runs in that host: Gus's old Excel blocks the
        // Excel add-in, not the Outlook one.
        assertEquals(List.of("CLI-001"), row(r, "sheet-pair", "gus@ready.example").blockerRules());
        assertEquals(Readiness.State.READY, row(r, "crm-team", "gus@ready.example").state());
    }

    @Test
    void aMissingFactIsCouldNotVerifyAndUnknownNeverTrueOrFalse() {
        Report r = cases.get("ready");
        Readiness.Row cleo = row(r, "crm-team", "cleo@ready.example");
        assertEquals(Readiness.State.UNVERIFIED, cleo.state());
        // LIC-001 and LIC-002 report errors: their DATA-004 leaves the user unverified; LIC-003 (a warning) could not
        // have blocked, so its DATA-004 is listed with the warnings.
        assertEquals(List.of("DATA-004: LIC-001 could not be decided for user 'Cleo Park <cleo@ready.example>': the snapshot does not give users[].licenses",
                        "DATA-004: LIC-002 could not be decided for user 'Cleo Park <cleo@ready.example>': the snapshot does not give users[].licenses"),
                cleo.reasons().unverified().stream().map(Readiness.Reason::line).toList());
        Readiness readiness = Readiness.of(r);
        assertEquals("unknown", Readiness.ready(cleo.state()));
        assertEquals("unknown", readiness.officePlan(cleo.user()));
        assertEquals("none", readiness.officePlan(row(r, "crm-team", "ben@ready.example").user()));
        assertEquals("Microsoft 365 E3", readiness.officePlan(row(r, "crm-team", "ada@ready.example").user()));
        assertEquals("False", Readiness.officeActivated(row(r, "crm-team", "fay@ready.example").user()));
        // The audience is not fully known: a row without a user says which fact is missing.
        Readiness.Deployment ghosts = readiness.deployments().get(2);
        Readiness.Row unknown = ghosts.rows().get(0);
        assertEquals(null, unknown.user());
        assertEquals(List.of("DATA-004: who else deployment 'crm-ghosts' reaches: the snapshot does not give groups[].members (of group 'Ghosts')"),
                unknown.reasons().unverified().stream().map(Readiness.Reason::line).toList());
    }

    @Test
    void withoutUsersNobodyIsShownReadyButOneRowSaysWhoIsNotKnown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-users.yaml");
        Files.writeString(file, """
                schemaVersion: 1
                tenant: { id: t, name: T, cloud: worldwide, directory: cloud, exchangeOnline: true,
                          appManagementService: { present: true, accountEnabled: true } }
                apps: [ { id: a, name: A, kind: office-add-in, hosts: [word] } ]
                deployments: [ { id: d, app: a, assignment: everyone } ]
                """, StandardCharsets.UTF_8);
        Report r = new Preflight(TestSupport.bundledRules(), new SnapshotLoader()).check(file, Severity.ERROR, false);
        Readiness.Deployment d = Readiness.of(r).deployments().get(0);
        assertEquals(0, d.users());
        assertEquals(1, d.rows().size());
        Readiness.Row row = d.rows().get(0);
        assertEquals(null, row.userId());
        assertEquals(Readiness.State.UNVERIFIED, row.state());
        assertTrue(row.reasons().unverified().stream().anyMatch(x -> x.text().equals(
                "LIC-001 could not be decided for tenant 'T': the snapshot does not give users (who the deployments reach and what they have)")),
                row.reasons().unverified().toString());
    }

    @Test
    void theCheckerMailboxColumnIsUnknownWithoutTheFacts() throws Exception {
        Report r = cases.get("hostile");
        List<String> mailboxes = new ArrayList<>();
        for (Readiness.Row row : Readiness.of(r).deployments().get(0).rows()) mailboxes.add(Readiness.supportedMailbox(row.user()));
        // the hostile tenant's users: an inactive mailbox, none, one without the type
        assertEquals(List.of("False", "False", "unknown"), mailboxes);
    }

    @Test
    void theCsvStartsWithTheCompatibilityCheckersColumnsAndHasARowPerUserPerDeployment() throws Exception {
        String csv = RendererGoldenTest.render("readiness-csv", cases.get("many"));
        List<String> lines = csv.lines().toList();
        assertEquals("User Name,User ID,Centralized Deployment ready,Office plan,Office Activated,Supported Mailbox,"
                + "userId,userPrincipalName,deploymentId,appId,appName,readiness,reached,blockers,blockerRules,couldNotVerify,warnings,waived",
                lines.get(0));
        assertEquals(4 + 10 + 6 + 2 + 1, lines.size() - 1, "fabrikam: a row per user per deployment");
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(lines.contains("Bert,bert@fabrikam.com,False,Microsoft 365 E3,True,True,bert@fabrikam.com,bert@fabrikam.com,"
                + "sales-rollout,sales-assistant,Sales Assistant for Outlook,blocked,no,CDP-002: 'Sales Assistant for Outlook': Locale 'en-US' "
                + "and ContentMarket 'en-GB' differ; they must be identical; GRP-001: nested group (Sales Department > West Coast Sales "
                + "Department > Bert <bert@fabrikam.com>); SAAS-001: Add-in 'Sales Assistant for Outlook' is linked to 2 SaaS offers; "
                + "SAAS-003: SaaS offer 'Northwind Sales Lite' shares its AAD App ID 1c9e5b6a-3f2d-4e8b-9a7c-5d4e3f2a1b0c with northwind-sales; "
                + "SAAS-003: SaaS offer 'Northwind Sales Suite' shares its AAD App ID 1c9e5b6a-3f2d-4e8b-9a7c-5d4e3f2a1b0c with northwind-lite; "
                + "TEN-004: The Microsoft 365 App Management Service (0517ffae-825d-4aff-999e-3f2336b8a20a) is disabled for sign-in,"
                + "CDP-002; GRP-001; SAAS-001; SAAS-003; TEN-004,,,"), csv);
    }

    @Test
    void fabrikamUserByUser() {
        Report r = cases.get("many");
        List<String> counts = Readiness.of(r).deployments().stream().map(ReadinessTest::counts).toList();
        assertEquals(List.of("sales-rollout: 4 users, 0 ready, 4 blocked, 0 could not verify",
                "sales-everyone: 10 users, 0 ready, 10 blocked, 0 could not verify",
                "contracts-legal: 6 users, 0 ready, 6 blocked, 0 could not verify",
                "invoice-toolbar: 0 users, 0 ready, 0 blocked, 0 could not verify",
                "expenses-apac: 2 users, 0 ready, 2 blocked, 0 could not verify",
                "board-teams: 1 users, 0 ready, 1 blocked, 0 could not verify"), counts);
        // Bert and Fred, reached only through West Coast Sales (the documentation's example), are left out.
        Readiness.Row bert = row(r, "sales-rollout", "bert@fabrikam.com");
        assertEquals(false, bert.reached());
        assertTrue(bert.blockerRules().contains("GRP-001"), bert.toString());
        // The Exchange Administrator's deployment fails for everyone it reaches (ADM-004 about the deployment).
        for (Readiness.Row row : Readiness.of(r).deployments().get(1).rows()) {
            assertTrue(row.blockerRules().contains("ADM-004"), row.toString());
        }
        // Dynamics findings concern no deployment: Sheila's DYN errors are not among her blockers.
        assertTrue(row(r, "sales-rollout", "sheila@fabrikam.com").blockerRules().stream().noneMatch(id -> id.startsWith("DYN")));
    }

    @Test
    void theHtmlAndMarkdownSectionsCountEachState() throws Exception {
        String html = RendererGoldenTest.render("html", cases.get("ready"));
        assertTrue(html.contains("<tr data-deployment=\"crm-team\"><td>crm-team</td><td>CRM for Outlook</td><td class=\"num\">8</td>"
                + "<td class=\"num\">4</td><td class=\"num error\">3</td><td class=\"num warning\">1</td></tr>"), html);
        assertTrue(html.contains("<tr data-deployment=\"crm-ghosts\"><td>crm-ghosts</td><td>CRM for Outlook</td><td class=\"num\">0+</td>"), html);
        assertEquals(3, html.split("<details class=\"readiness\"", -1).length - 1);
        assertEquals(8, html.split("<tr data-state=", -1).length - 1 - 2, "8 users of crm-team (and 2 of sheet-pair)");
        String md = RendererGoldenTest.render("markdown", cases.get("ready"));
        assertTrue(md.contains("| crm\\-team | CRM for Outlook | 8 | 4 | 3 | 1 |\n| sheet\\-pair | Sheet Helper | 2 | 1 | 1 | 0 |\n"
                + "| crm\\-ghosts | CRM for Outlook | 0+ | 0 | 0 | 0 |\n"), md);
        assertTrue(md.contains("<details><summary>crm-team: 3 blocked</summary>"), md);
    }

    @Test
    void theMarkdownSectionListsTheFirstBlockedUsersAndCountsTheRest() throws Exception {
        String md = RendererGoldenTest.render("markdown", cases.get("many"));
        String everyone = md.substring(md.indexOf("<details><summary>sales-everyone: 10 blocked</summary>"));
        everyone = everyone.substring(0, everyone.indexOf("</details>"));
        assertEquals(5, everyone.split("\n\\| (?!user|---)", -1).length - 1, everyone);
        assertTrue(everyone.contains("_... and 5 more blocked._"), everyone);
    }

    @Test
    void thePlannedStateWhenAPlanIsGiven() throws Exception {
        Path tenant = Path.of("src/test/resources/plans/tenant.yaml");
        SnapshotLoader loader = new SnapshotLoader();
        Preflight preflight = new Preflight(TestSupport.bundledRules(), loader, Policy.none(LocalDate.parse("2026-11-23")), null);
        Snapshot before = loader.load(tenant);
        assertEquals(Map.of("crm-pilot", List.of("megan@contoso.com=could not verify")),
                states(preflight.check(before, Severity.ERROR, false, 0)));
        Plan plan = PlanReader.read(Path.of("src/test/resources/plans/deploy.yaml"));
        Snapshot planned = PlanBinding.bind(before, plan, PlanBinding.user(before, plan.as())).snapshot();
        // The plan gives the app's whole assignment after its last step: Sales (Kathy), Max and Bert added, Megan
        // removed; Max has no license; the snapshot has no offers, so the SaaS rules could not decide for anyone.
        Report r = preflight.check(planned, Severity.ERROR, false, 0);
        assertEquals(Map.of("deploy.yaml:9", List.of("bert@contoso.com=could not verify", "kathy@contoso.com=could not verify",
                "max@contoso.com=blocked")), states(r));
        assertEquals(List.of("LIC-001"), row(r, "deploy.yaml:9", "max@contoso.com").blockerRules());
    }

    @Test
    void theJoinIsLinearInUsersAndFindings(@TempDir Path dir) throws Exception {
        long[] small = work(dir, 400);
        long[] large = work(dir, 3200);
        System.out.println("readiness join: 400 users -> " + small[0] + " steps (" + small[1] + " rows, " + small[2] + " findings); 3200 users -> "
                + large[0] + " steps (" + large[1] + " rows, " + large[2] + " findings)");
        // 8 times the users: about 8 times the findings, rows and work; a per-user scan of all findings would be 64 times.
        assertTrue(large[1] >= 8 * 400 * 2, "every user of both deployments has a row: " + large[1]);
        assertTrue(large[0] <= 3 * (large[1] + large[2]), "work " + large[0] + " for " + large[1] + " rows and " + large[2] + " findings");
        assertTrue(large[0] <= 10 * small[0], "work grows linearly: " + small[0] + " -> " + large[0]);
        // The HTML shows at most 200 users of each deployment (blocked first) and counts the rest.
        String html = RendererGoldenTest.render("html", lastLarge);
        assertEquals(2 * 200, html.split("<tr data-state=", -1).length - 1);
        assertEquals(2 * 200, html.split("<tr data-state=\"blocked\"", -1).length - 1, "1600 blocked in each: the first 200 shown");
        assertEquals(2, html.split("<div>\\.\\.\\. and 3000 more users \\(ready ones last;", -1).length - 1);
    }

    private static Report lastLarge;

    /** {work, rows, findings} of the readiness of a generated tenant of {@code n} users, half without a license. */
    private static long[] work(Path dir, int n) throws Exception {
        StringBuilder y = new StringBuilder("""
                schemaVersion: 1
                snapshot: { takenAt: 2026-11-20T09:00:00Z }
                tenant: { id: t, name: Big, cloud: worldwide, directory: cloud, exchangeOnline: true,
                          appManagementService: { present: true, accountEnabled: true }, storeSelfInstall: true, userConsent: false }
                skus: [ { skuPartNumber: SPE_E3, skuId: 05e9a617-0261-4cee-bb44-138d3ef5d965, name: Microsoft 365 E3 } ]
                admins: [ { user: u0@big.example, roles: [global-administrator] } ]
                consentGrants: []
                offers: []
                operations: []
                users:
                """);
        for (int i = 0; i < n; i++) {
            y.append("  - { id: u").append(i).append("@big.example, upn: u").append(i).append("@big.example, accountState: enabled, ")
                    .append("assignedAt: 2026-10-01T09:00:00Z, licenses: ").append(i % 2 == 0 ? "[SPE_E3]" : "[]")
                    .append(", orgIdSignIn: true, mailbox: { type: exchange-online, state: active, oauth: true }, clients: [ { app: outlook,")
                    .append(" platform: windows, edition: microsoft-365, version: \"Version 2408 (Build 17928.20114)\", ie11Enabled: true } ] }\n");
        }
        y.append("groups:\n  - { id: all, displayName: All, mail: all@big.example, type: distribution, memberOf: [], members: [");
        for (int i = 0; i < n; i++) y.append(i == 0 ? "" : ", ").append("{ user: u").append(i).append("@big.example }");
        y.append("] }\n");
        y.append("""
                apps:
                  - { id: crm, name: CRM, kind: office-add-in, origin: custom, productId: 6a75788e-1c6b-4e9b-b5db-5975a2072122,
                      locale: en-US, hosts: [outlook], permission: ReadItem, state: active, status: deployed,
                      deploymentType: integrated-apps, manifestVersion: 1.0.0.0, latestManifestVersion: 1.0.0.0,
                      requiresConsent: false, graphPermissions: [], publisher: { name: IT, verified: true }, deployedBy: u0@big.example }
                deployments:
                  - { id: pilot, app: crm, status: deployed, by: u0@big.example, at: 2026-10-01T09:00:00Z, assignment: specific,
                      test: true, targets: [ { group: all@big.example } ] }
                  - { id: all, app: crm, status: deployed, by: u0@big.example, at: 2026-10-02T09:00:00Z, assignment: everyone, test: false }
                """);
        Path file = dir.resolve("big-" + n + ".yaml");
        Files.writeString(file, y, StandardCharsets.UTF_8);
        Report r = new Preflight(TestSupport.bundledRules(), new SnapshotLoader()).check(file, Severity.ERROR, false);
        Readiness readiness = Readiness.of(r);
        long rows = readiness.deployments().stream().mapToLong(d -> d.rows().size()).sum();
        assertEquals(n / 2, readiness.deployments().get(1).blocked(), "the users without a license (LIC-001)");
        lastLarge = r;
        return new long[] {readiness.steps(), rows, r.entries().size()};
    }
}
