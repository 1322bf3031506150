package dev.preflight.manifest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema loads strictly, and the lenient mode only sets aside what it names. */
class ManifestCheckTest {

    @Test
    void theBundledSchemaCompiles() {
        // compile errors throw (no error handler): a partial schema would call broken manifests valid
        assertTrue(XsdValidation.schema() != null);
    }

    @Test
    void aPlaceholderGuidIsASchemaErrorNotAFalseValid() {
        ManifestCheck.Result r = ManifestCheck.check(ManifestReaderTest.DIR.resolve("multihost-taskpaneapp-sso-nodejs.xml"), "sso.xml");
        assertEquals(ManifestCheck.SchemaResult.INVALID, r.schema());
        assertEquals(List.of("sso.xml:159:31"), r.diagnostics().stream().filter(d -> d.check().equals("schema"))
                .map(d -> d.at().toString()).toList());
    }

    @Test
    void anUnknownElementStillFailsInLenientMode() throws Exception {
        String xml = new String(java.nio.file.Files.readAllBytes(ManifestReaderTest.DIR.resolve("outlook-mailapp-readwritemailbox-sso-events.xml")), StandardCharsets.UTF_8)
                .replace("<Runtimes>", "<Runtimez>").replace("</Runtimes>", "</Runtimez>");
        XsdValidation.Result r = XsdValidation.validate(xml.getBytes(StandardCharsets.UTF_8), "typo.xml");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).message().contains("Runtimez"), r.errors().get(0).message());
    }

    @Test
    void aContentAppsVersionOverridesIsReportedAsNotChecked() throws Exception {
        String xml = new String(java.nio.file.Files.readAllBytes(ManifestReaderTest.DIR.resolve("excel-contentapp-humongous-insurance.xml")), StandardCharsets.UTF_8)
                .replace("</OfficeApp>", "  <VersionOverrides xmlns=\"http://schemas.microsoft.com/office/contentappversionoverrides\" "
                        + "xsi:type=\"VersionOverridesV1_0\"><Anything/></VersionOverrides>\n</OfficeApp>");
        XsdValidation.Result r = XsdValidation.validate(xml.getBytes(StandardCharsets.UTF_8), "content.xml");
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("content.xml:33:124: note: <VersionOverrides> of a ContentApp has no published schema (a stub accepts it): not checked by the schema"),
                r.notChecked().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void residWithoutResourceAndDuplicateIdsAreFound() throws Exception {
        String xml = new String(java.nio.file.Files.readAllBytes(ManifestReaderTest.DIR.resolve("word-taskpaneapp-hello-world.xml")), StandardCharsets.UTF_8)
                .replace("resid=\"CommandsGroup.Label\"", "resid=\"CommandsGroup.Lable\"");
        ManifestReader.Parsed p = ManifestReader.parse(xml.getBytes(StandardCharsets.UTF_8), "resid.xml");
        List<String> found = ManifestChecks.check(p.manifest(), p.xml()).stream().filter(d -> d.check().equals("resid"))
                .map(Diagnostic::toString).toList();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("resid 'CommandsGroup.Lable' on <Label> has no matching resource"), found.get(0));
    }
}
