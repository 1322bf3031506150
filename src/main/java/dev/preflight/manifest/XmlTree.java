package dev.preflight.manifest;

import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads XML into a small tree of elements that know where they start, with the JDK's StAX parser locked down:
 * a document type declaration is refused (so there are no entities to expand and nothing external to fetch), and
 * nesting is bounded. Elements are named by namespace URI and local name, never by prefix.
 */
final class XmlTree {
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final int MAX_DEPTH = 64;

    /** An element: namespace URI, local name, attributes by local name (or {uri}local), text and children. */
    record Element(String ns, String name, Map<String, String> attributes, String text, List<Element> children,
                   Location at) {
        String attr(String local) {
            return attributes.get(local);
        }

        /** The local part of {@code xsi:type} (its prefix is only a prefix). */
        String xsiType() {
            String t = attributes.get("{" + XSI + "}type");
            if (t == null) return null;
            int colon = t.indexOf(':');
            return colon < 0 ? t.trim() : t.substring(colon + 1).trim();
        }

        Element child(String local) {
            for (Element c : children) if (c.name.equals(local)) return c;
            return null;
        }

        List<Element> all(String local) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) if (c.name.equals(local)) out.add(c);
            return out;
        }

        /** Every element below this one (depth first, in document order). */
        void walk(java.util.function.Consumer<Element> visit) {
            for (Element c : children) {
                visit.accept(c);
                c.walk(visit);
            }
        }
    }

    private XmlTree() {
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** Parses {@code bytes} (any encoding XML declares; a BOM is fine). Not well-formed or hostile: an input error. */
    static Element parse(byte[] bytes, String file) throws InputException {
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<Builder> open = new ArrayDeque<>();
            Element root = null;
            // Where the previous event ended is where the next one starts (StAX reports the end of an event).
            Location before = at(r, file);
            while (r.hasNext()) {
                int event = r.next();
                Location after = at(r, file);
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) {
                    // the parser has already read the '<' that ends the text: the next markup starts one column back
                    after = new Location(file, after.line(), Math.max(1, after.column() - 1));
                }
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new InputException(new Problem(doctype(bytes, file, before),
                            "a DOCTYPE is not allowed in a manifest (no DTDs, no entities; nothing is fetched)"));
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new InputException(new Problem(before,
                            "entity reference '&" + r.getLocalName() + ";' is not allowed in a manifest"));
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH) {
                            throw new InputException(new Problem(before, "elements nest deeper than " + MAX_DEPTH + " levels"));
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            String key = ns == null || ns.isEmpty() ? r.getAttributeLocalName(i) : "{" + ns + "}" + r.getAttributeLocalName(i);
                            attrs.put(key, r.getAttributeValue(i));
                        }
                        String ns = r.getNamespaceURI();
                        open.push(new Builder(ns == null ? "" : ns, r.getLocalName(), attrs, before));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) open.peek().text.append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = open.pop().build();
                        if (open.isEmpty()) root = done;
                        else open.peek().children.add(done);
                    }
                    default -> {
                    }
                }
                before = after;
            }
            if (root == null) throw new InputException(new Problem(new Location(file, 1, 1), "no root element"));
            return root;
        } catch (XMLStreamException e) {
            javax.xml.stream.Location l = e.getLocation();
            Location at = l == null ? new Location(file, 1, 1) : new Location(file, Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber()));
            throw new InputException(new Problem(at, "not well-formed XML: " + message(e)));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    /** Where "<!DOCTYPE" starts (the parser reports where it ends); {@code otherwise} when it cannot be found. */
    private static Location doctype(byte[] bytes, String file, Location otherwise) {
        String text = new String(bytes, 0, Math.min(bytes.length, 65536), java.nio.charset.StandardCharsets.ISO_8859_1);
        int i = text.indexOf("<!DOCTYPE");
        if (i < 0) return otherwise;
        int line = 1;
        int start = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                start = k + 1;
            }
        }
        return new Location(file, line, i - start + 1);
    }

    private static Location at(XMLStreamReader r, String file) {
        javax.xml.stream.Location l = r.getLocation();
        return new Location(file, Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber()));
    }

    /** The parser's message without its "ParseError at [row,col]" preamble. */
    static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).trim();
    }

    private static final class Builder {
        final String ns;
        final String name;
        final Map<String, String> attrs;
        final Location at;
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>();

        Builder(String ns, String name, Map<String, String> attrs, Location at) {
            this.ns = ns;
            this.name = name;
            this.attrs = attrs;
            this.at = at;
        }

        Element build() {
            return new Element(ns, name, Map.copyOf(attrs), text.toString().trim(), List.copyOf(children), at);
        }
    }
}
