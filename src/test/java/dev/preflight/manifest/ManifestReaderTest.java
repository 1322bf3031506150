package dev.preflight.manifest;

import dev.preflight.snapshot.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The facts read from every real manifest in src/test/resources/manifests (see its SOURCES.md). */
class ManifestReaderTest {
    static final Path DIR = Path.of("src/test/resources/manifests");

    static Manifest read(String name) throws InputException {
        return ManifestReader.read(DIR.resolve(name), name);
    }

    /** file | form type schema | id | version | hosts | permission | extended | requirement sets | sso id | scopes | domains. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        excel-contentapp-humongous-insurance.xml | xml ContentApp 1.1 | 12345678-1234-1234-1234-123456789abc@7 | 1.0.0.0 | excel=Workbook@20 | ReadWriteDocument@32 | - | ExcelApi 1.1 base@24 | - | - | 1
        excel-taskpaneapp-hello-world.xml | xml TaskPaneApp 1.1 | 775091b3-e24a-4cf4-a65b-26976fda4f3c@6 | 1.0.0.0 | excel=Workbook@19 | ReadWriteDocument@24 | - | - | - | - | 1
        multihost-taskpaneapp-scriptlab-production.xml | xml TaskPaneApp 1.1 | 8bc018e3-f345-40d4-8f1d-97951765d531@6 | 2.0.0.1 | excel=Workbook@91 word=Document@92 powerpoint=Presentation@93 | ReadWriteDocument@98 | - | - | - | - | 26
        multihost-taskpaneapp-sso-nodejs.xml | xml TaskPaneApp 1.1 | 05c2e1c9-3e1d-406e-9a91-e9ac64854143@3 | 1.0.0.0 | excel=Workbook@16 word=Document@17 powerpoint=Presentation@18 | ReadWriteDocument@23 | - | - | $app-id-guid$@159 api://localhost:3000/$app-id-guid$@160 | Files.Read@162 profile@163 openid@164 | 1
        multihost-taskpaneapp-with-project-typescript.xml | xml TaskPaneApp 1.1 | 44ff2b30-81d0-4229-977b-4e1445cfa620@4 | 1.0.0.0 | excel=Workbook@11 powerpoint=Presentation@12 project=Project@13 word=Document@14 | ReadWriteDocument@19 | - | - | - | - | 0
        outlook-mailapp-readitem-spam-reporting.xml | xml MailApp 1.1 | 942c5096-e075-4dd3-b5c8-dcaeee5c8e6a@9 | 1.0.0 | outlook=Mailbox@23 | ReadItem@39 | - | Mailbox 1.1 base@27; Mailbox 1.3 VersionOverrides 1.1@49 | - | - | 1
        outlook-mailapp-readitem-sso-attachmentdemo.xml | xml MailApp 1.1 | f7c51a57-4ff7-4593-937a-0ce91eb49e38@13 | 1.0.0.0 | outlook=Mailbox@32 | ReadItem@48 | - | Mailbox 1.1 base@36; Mailbox 1.3 VersionOverrides 1.0@58; Mailbox 1.5 VersionOverrides 1.1@130 | Enter_client_ID_here@198 api://localhost:44355/Enter_client_ID_here@199 | openid@201 profile@202 files.readwrite@203 mail.read@204 | 1
        outlook-mailapp-readwriteitem-git-the-gist.xml | xml MailApp 1.1 | ee3bd144-bde6-4057-91d6-d28e1ac7faf2@3 | 1.0.0.0 | outlook=Mailbox@16 | ReadWriteItem@31 | - | Mailbox 1.3 base@20; Mailbox 1.3 VersionOverrides 1.0@39 | - | - | 1
        outlook-mailapp-readwritemailbox-scriptlab-production.xml | xml MailApp 1.1 | 49d3b812-abda-45b9-b478-9bc464ce5b9c@6 | 2.0.0.2 | outlook=Mailbox@46 | ReadWriteMailbox@61 | SupportsSharedFolders@201 AppendOnSend@1268 | MailBox 1.1 base@50; Mailbox 1.3 VersionOverrides 1.0@70; Mailbox 1.3 VersionOverrides 1.1@195 | - | - | 26
        outlook-mailapp-readwritemailbox-sso-events.xml | xml MailApp 1.1 | dac64749-60d7-4579-9036-cb7308b6d444@6 | 1.0.0.0 | outlook=Mailbox@19 | ReadWriteMailbox@34 | AppendOnSend@148 | Mailbox 1.1 base@23; Mailbox 1.12 VersionOverrides 1.1@44 | Enter_client_ID_here@139 api://localhost:3000/Enter_client_ID_here@140 | openid@142 user.read@143 profile@144 | 1
        outlook-mailapp-schema10-legacy-mailcrm.xml | xml MailApp 1.0 | 6275ecf0-64b3-431a-82cd-eefa676c157f@4 | 1.0.0.0 | outlook=Mailbox@11 | ReadItem@17 | - | - | - | - | 0
        powerpoint-taskpaneapp-hello-world.xml | xml TaskPaneApp 1.1 | 2C5EA37C-F4F0-49FF-8077-820600A04E25@6 | 1.0.0.0 | powerpoint=Presentation@19 | ReadWriteDocument@24 | - | - | - | - | 1
        word-taskpaneapp-hello-world.xml | xml TaskPaneApp 1.1 | C4E304B6-24D2-416B-9BC6-2B4C4D37AEFB@6 | 1.0.0.0 | word=Document@19 | ReadWriteDocument@24 | - | - | - | - | 1
        unified-excel-hello-world.json | json unified 1.25 | df423391-1dd8-466e-8b9c-ad98b92423b2@3 | 1.0.1 | excel=workbook@50 | ReadWriteDocument@33 | - | AddinCommands 1.1 runtime TaskPaneRuntime@57 | - | - | 2
        unified-outlook-hello-world.json | json unified 1.21 | d1517bbe-5214-44cd-8e91-2446d37d25af@3 | 1.0.0 | outlook=mail@45 | ReadWriteItem@32 | - | Mailbox 1.15 extensions[0]@48; Mailbox 1.15 runtime TaskPaneRuntime@58 | - | - | 1
        unified-outlook-sso-template-webapplicationinfo.json | json unified 1.17 | f2b103f1-1ab1-4e1b-8f0b-072aa3d4e19d@3 | 1.0.0 | outlook=mail@47 | ReadWriteMailbox@33 | - | Mailbox 1.3 extensions[0]@49; Mailbox 1.3 runtime TaskPaneRuntime@56 | {application GUID here}@40 api://localhost:{PORT}/{application GUID here}@41 | (not given) | 1
        """)
    void readsTheFactsOfEachRealManifest(String file, String kind, String id, String version, String hosts,
                                         String permission, String extended, String sets, String sso, String scopes,
                                         int domains) throws InputException {
        Manifest m = read(file);
        assertEquals(kind, m.form() + " " + m.type() + " " + m.schema());
        assertEquals(id, at(m.id()));
        assertEquals(version, m.version().value());
        assertEquals(hosts, m.hosts().stream().map(h -> h.name() + "=" + h.written() + "@" + h.at().line()).collect(Collectors.joining(" ")));
        assertEquals(permission, at(m.permission()));
        assertEquals(extended, dash(m.extendedPermissions().stream().map(ManifestReaderTest::at).collect(Collectors.joining(" "))));
        assertEquals(sets, dash(m.requirements().stream().map(s -> s.name() + " " + s.minVersion() + " " + s.scope() + "@" + s.at().line())
                .collect(Collectors.joining("; "))));
        assertEquals(sso, m.sso() == null ? "-" : at(m.sso().id()) + " " + at(m.sso().resource()));
        assertEquals(scopes, m.sso() == null ? "-" : m.sso().scopes() == null ? "(not given)"
                : m.sso().scopes().stream().map(ManifestReaderTest::at).collect(Collectors.joining(" ")));
        assertEquals(domains, m.appDomains().size());
        assertEquals(file, m.id().at().file());
    }

    @Test
    void theTruncatedManifestIsAnInputErrorAtItsLastLine() {
        InputException e = assertThrows(InputException.class, () -> read("onenote-taskpaneapp-rubric-grader-not-well-formed.xml"));
        assertEquals(List.of("onenote-taskpaneapp-rubric-grader-not-well-formed.xml:87:22: not well-formed XML: "
                + "XML document structures must start and end within the same entity."), e.problems().stream().map(String::valueOf).toList());
    }

    @Test
    void namespacesDecideNotPrefixes() throws InputException, IOException {
        // the same add-in with every namespace under another prefix: the same facts
        String xml = Files.readString(DIR.resolve("outlook-mailapp-readwriteitem-git-the-gist.xml"), StandardCharsets.UTF_8)
                .replace("xmlns=\"http://schemas.microsoft.com/office/appforoffice/1.1\"", "xmlns:o=\"http://schemas.microsoft.com/office/appforoffice/1.1\"")
                .replaceAll("<(/?)(Id|Version|ProviderName|DefaultLocale|DisplayName|Description|IconUrl|HighResolutionIconUrl|SupportUrl|AppDomains|AppDomain|Hosts|Host|Requirements|Sets|Set|FormSettings|Form|DesktopSettings|SourceLocation|RequestedHeight|Permissions|Rule|DisableEntityHighlighting|OfficeApp)([ >/])", "<$1o:$2$3");
        Manifest m = ManifestReader.parse(xml.getBytes(StandardCharsets.UTF_8), "prefixed.xml").manifest();
        assertEquals("ee3bd144-bde6-4057-91d6-d28e1ac7faf2", m.id().value());
        assertEquals("ReadWriteItem", m.permission().value());
        assertEquals("outlook", m.hosts().get(0).name());
        // and an element with the right name in another namespace is not read
        String foreign = xml.replace("<o:Permissions>ReadWriteItem</o:Permissions>", "<x:Permissions xmlns:x=\"urn:other\">ReadWriteItem</x:Permissions>");
        Manifest f = ManifestReader.parse(foreign.getBytes(StandardCharsets.UTF_8), "foreign.xml").manifest();
        assertEquals("Restricted", f.permission().value(), "a MailApp without Permissions gets Restricted");
    }

    @Test
    void aDoctypeIsRefusedAndNothingIsFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/xxe";
            String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE OfficeApp [ <!ENTITY xxe SYSTEM \"" + url + "\"> ]>\n"
                    + "<OfficeApp xmlns=\"http://schemas.microsoft.com/office/appforoffice/1.1\"><Id>&xxe;</Id></OfficeApp>\n";
            byte[] bytes = xxe.getBytes(StandardCharsets.UTF_8);
            InputException e = assertThrows(InputException.class, () -> ManifestReader.parse(bytes, "xxe.xml"));
            assertEquals("xxe.xml:2:1: a DOCTYPE is not allowed in a manifest (no DTDs, no entities; nothing is fetched)",
                    e.problems().get(0).toString());
            // the schema validator's parser refuses it too
            XsdValidation.Result r = XsdValidation.validate(bytes, "xxe.xml");
            assertEquals(1, r.errors().size());
            assertEquals(2, r.errors().get(0).at().line());
            assertThrows(SocketTimeoutException.class, server::accept, "something connected to the XXE address");
        }
    }

    @Test
    void theBillionLaughsManifestIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> read("variants/billion-laughs.xml"));
        assertEquals("variants/billion-laughs.xml:2:1: a DOCTYPE is not allowed in a manifest (no DTDs, no entities; nothing is fetched)",
                e.problems().get(0).toString());
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path big = tmp.resolve("big.xml");
        Files.write(big, new byte[ManifestReader.MAX_BYTES + 1]);
        InputException e = assertThrows(InputException.class, () -> ManifestReader.read(big, "big.xml"));
        assertEquals("big.xml: file is 4194305 bytes, over the manifest limit of 4194304", e.problems().get(0).toString());
    }

    @Test
    void duplicateJsonKeysAreAnInputError() {
        byte[] json = "{\n  \"id\": \"a\",\n  \"id\": \"b\"\n}".getBytes(StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> ManifestReader.parse(json, "dup.json"));
        assertEquals("dup.json:3:3: duplicate key 'id' (first at line 2)", e.problems().get(0).toString());
    }

    @Test
    void aMailAppWithoutSsoHasNone() throws InputException {
        assertNull(read("outlook-mailapp-readwriteitem-git-the-gist.xml").sso());
    }

    private static String at(Located l) {
        return l.value() + "@" + l.at().line();
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
