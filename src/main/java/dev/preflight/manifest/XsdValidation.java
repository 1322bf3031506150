package dev.preflight.manifest;

import dev.preflight.model.Location;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates an XML manifest against the bundled Office add-in XSDs ({@code manifest/xsd/}, see its README), offline.
 *
 * <p>Lenient mode: Outlook elements newer than these schemas ({@link #NEWER_ELEMENTS}, and extension points of the
 * types in {@link #NEWER_EXTENSION_POINTS}) are taken out of what the validator sees, with their content, and each is
 * reported as "not checked by the schema": neither valid nor invalid. Everything else is checked strictly.
 *
 * <p>The schema is compiled with no error handler, so a schema that does not compile fails loudly instead of
 * yielding a partial schema that calls broken manifests valid; nothing is fetched (external DTDs and schemas are
 * refused, imports resolve to the bundled files only).
 */
final class XsdValidation {
    static final String ROOT = "OfficeAppManifestV1_1.xsd";
    private static final String DIR = "/manifest/xsd/";
    private static final Set<String> FILES = Set.of(ROOT, "OfficeAppBasicTypesV1_0.xsd", "TaskPaneAppVersionOverridesV1_0.xsd",
            "MailAppVersionOverridesV1_0.xsd", "MailAppVersionOverridesV1_1.xsd", "ContentAppVersionOverridesV1_0.xsd");

    /** Outlook elements (any Mail VersionOverrides namespace) that the schemas predate. */
    static final Set<String> NEWER_ELEMENTS = Set.of("Runtimes", "SupportsSharedFolders", "SupportsPinning",
            "ExtendedPermissions", "SupportsNoItemContext", "SupportsMultiSelect", "Events");
    /** Elements the Mail 1.1 schema lacks although the TaskPane schema has them. */
    static final Set<String> NEWER_IN_MAIL_1_1 = Set.of("WebApplicationInfo");
    /** {@code ExtensionPoint xsi:type}s the Mail schemas predate. */
    static final Set<String> NEWER_EXTENSION_POINTS = Set.of("LaunchEvent", "ReportPhishingCommandSurface",
            "MobileMessageReadCommandSurface", "MobileOnlineMeetingCommandSurface", "MobileLogEventAppointmentAttendee");

    private static volatile Schema schema;

    private XsdValidation() {
    }

    /** What the schema said: errors, and the elements it did not check. */
    record Result(List<Diagnostic> errors, List<Diagnostic> notChecked) {
    }

    static Result validate(byte[] bytes, String file) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> skipped = new ArrayList<>();
        try {
            Validator v = schema().newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(new ErrorHandler() {
                @Override public void warning(SAXParseException e) {
                }

                @Override public void error(SAXParseException e) {
                    errors.add(new Diagnostic(Diagnostic.Severity.ERROR, "schema", at(e, file), e.getMessage()));
                }

                @Override public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            Lenient filter = new Lenient(reader(), file, skipped);
            InputSource in = new InputSource(new ByteArrayInputStream(bytes));
            in.setSystemId(file);
            v.validate(new SAXSource(filter, in));
            // an element left without its only child by the leniency is "incomplete" only because of it
            for (java.util.Iterator<Diagnostic> it = errors.iterator(); it.hasNext(); ) {
                Diagnostic d = it.next();
                String parent = filter.emptied.get(d.at());
                if (parent != null && d.message().startsWith("cvc-complex-type.2.4.b")) {
                    it.remove();
                    skipped.add(new Diagnostic(Diagnostic.Severity.NOTE, "not-checked", d.at(), "<" + parent
                            + "> holds only elements newer than the bundled schemas: its content is not checked by the schema"));
                }
            }
            // cvc-type.3.1.3 restates the facet error reported at the same place
            errors.removeIf(d -> d.message().startsWith("cvc-type.3.1.3") && errors.stream()
                    .anyMatch(o -> o != d && o.at().equals(d.at())));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(new Diagnostic(Diagnostic.Severity.ERROR, "schema", new Location(file, 1, 1), e.getMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(dedupe(errors), skipped);
    }

    private static List<Diagnostic> dedupe(List<Diagnostic> in) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : in) if (!out.contains(d)) out.add(d);
        return out;
    }

    private static Location at(SAXParseException e, String file) {
        return new Location(file, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber()));
    }

    /** A namespace-aware SAX parser that refuses any DOCTYPE and never resolves external entities. */
    private static XMLReader reader() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return r;
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /** The compiled schema, once per process. A schema that does not compile throws here. */
    static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (XsdValidation.class) {
                s = schema;
                if (s == null) schema = s = compile();
            }
        }
        return s;
    }

    private static Schema compile() {
        try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setResourceResolver(new Bundled());
            // no error handler: a compile error throws (a logged one would leave a partial schema that passes anything)
            return f.newSchema(new StreamSource(open(ROOT), ROOT));
        } catch (SAXException e) {
            throw new IllegalStateException("bundled manifest schema does not compile: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = XsdValidation.class.getResourceAsStream(DIR + name);
        if (in == null) throw new IllegalStateException("bundled schema missing: " + DIR + name);
        return in;
    }

    /** Resolves the schemas' imports to the bundled files, and nothing else. */
    private static final class Bundled implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? null : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (name == null || !FILES.contains(name)) {
                throw new IllegalStateException("manifest schema refers to '" + systemId + "', which is not bundled");
            }
            return new Input(name, open(name));
        }
    }

    private record Input(String systemId, InputStream byteStream) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }

    /** Passes the document on without the elements the schemas predate, noting each it leaves out. */
    private static final class Lenient extends XMLFilterImpl {
        private final String file;
        private final List<Diagnostic> skipped;
        private Locator locator;
        private int skipping;
        private int contentNoted;
        /** For each element passed on: whether a child of it was left out. */
        private final java.util.ArrayDeque<boolean[]> open = new java.util.ArrayDeque<>();
        /** Where elements that lost a child end, and their names. */
        final java.util.Map<Location, String> emptied = new java.util.HashMap<>();

        Lenient(XMLReader parent, String file, List<Diagnostic> skipped) {
            super(parent);
            this.file = file;
            this.skipped = skipped;
        }

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
            super.setDocumentLocator(l);
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            if (skipping > 0) {
                skipping++;
                return;
            }
            if (OfficeXml.CONTENT_VO.equals(uri) && local.equals("VersionOverrides") && contentNoted++ == 0) {
                // passed on: the stub standing in for the unpublished schema accepts anything, so say so
                skipped.add(new Diagnostic(Diagnostic.Severity.NOTE, "not-checked",
                        new Location(file, locator.getLineNumber(), locator.getColumnNumber()),
                        "<VersionOverrides> of a ContentApp has no published schema (a stub accepts it): not checked by the schema"));
            }
            String why = newer(uri, local, atts);
            if (why != null) {
                skipping = 1;
                if (!open.isEmpty()) open.peek()[0] = true;
                Location at = new Location(file, locator.getLineNumber(), locator.getColumnNumber());
                skipped.add(new Diagnostic(Diagnostic.Severity.NOTE, "not-checked", at,
                        why + " is newer than the bundled schemas: not checked by the schema"));
                return;
            }
            open.push(new boolean[1]);
            super.startElement(uri, local, qName, atts);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (skipping > 0) {
                skipping--;
                return;
            }
            if (open.pop()[0]) emptied.put(new Location(file, locator.getLineNumber(), locator.getColumnNumber()), local);
            super.endElement(uri, local, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (skipping == 0) super.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (skipping == 0) super.ignorableWhitespace(ch, start, length);
        }

        private static String newer(String uri, String local, Attributes atts) {
            boolean mail = OfficeXml.MAIL_VO_1_0.equals(uri) || OfficeXml.MAIL_VO_1_1.equals(uri);
            if (!mail) return null;
            if (NEWER_ELEMENTS.contains(local)) return "<" + local + ">";
            if (OfficeXml.MAIL_VO_1_1.equals(uri) && NEWER_IN_MAIL_1_1.contains(local)) return "<" + local + "> in Mail VersionOverrides 1.1";
            if (local.equals("ExtensionPoint")) {
                String type = atts.getValue(XmlTree.XSI, "type");
                if (type != null) {
                    String t = type.substring(type.indexOf(':') + 1);
                    if (NEWER_EXTENSION_POINTS.contains(t)) return "<ExtensionPoint xsi:type=\"" + t + "\">";
                }
            }
            return null;
        }
    }
}
