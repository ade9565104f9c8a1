package org.litgraph.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX reading that never loads a DTD, never resolves an external entity and never opens a
 * connection. A DOCTYPE (as every PubMed file has) is skipped; the predefined and numeric
 * entities still work; any other entity reference fails as a {@link ParseException}.
 */
final class SecureXml {
    /** Deeper element nesting than this is refused (no real article comes close). */
    static final int MAX_DEPTH = 512;

    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refusing to resolve external resource " + systemId);
        });
        return f;
    }

    /** A reader over the stream; the factory is thread-safe once configured. */
    static XMLStreamReader open(InputStream in, String location) throws ParseException {
        try {
            return FACTORY.createXMLStreamReader(location, in);
        } catch (XMLStreamException e) {
            throw error(location, e);
        }
    }

    static ParseException error(String location, XMLStreamException e) {
        Location l = e.getLocation();
        String where = l == null ? "" : " at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[..]\nMessage: "; keep only the message proper
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + 9);
        }
        String kind = msg.contains("XML document structures must start and end")
                || msg.toLowerCase().contains("end of file") ? "truncated XML" : "malformed XML";
        return new ParseException(kind + where + " in " + location + ": " + msg.strip(), e);
    }

    static ParseException depthError(String location, XMLStreamReader r) {
        Location l = r.getLocation();
        return new ParseException("XML nested deeper than " + MAX_DEPTH + " elements at line "
                + l.getLineNumber() + " in " + location + "; refusing to read it");
    }

    /**
     * Reads the element the reader is positioned on (START_ELEMENT) into a tree, leaving the
     * reader on its END_ELEMENT. Iterative, so hostile nesting cannot overflow the stack.
     */
    static XElement readElement(XMLStreamReader r, String location) throws XMLStreamException, ParseException {
        XElement root = XElement.start(r);
        Deque<XElement> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (stack.size() >= MAX_DEPTH) {
                        throw depthError(location, r);
                    }
                    XElement child = XElement.start(r);
                    stack.peek().add(child);
                    stack.push(child);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.pop();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        stack.peek().addText(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "undeclared entity &" + r.getLocalName() + ";", r.getLocation());
                default -> {
                }
            }
        }
        return root;
    }

    /** Skips the element the reader is positioned on, leaving it on the matching END_ELEMENT. */
    static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Something to do with one complete element of interest. */
    interface ElementHandler {
        void handle(XElement element) throws ParseException;
    }

    /**
     * Streams a file, handing each element whose local name {@code wanted} accepts to the handler
     * as one tree (memory bounded by one such element); {@code skipped} names are passed over.
     * Returns the local name of the document element.
     */
    static String stream(Source source, java.util.function.Predicate<String> wanted,
                         java.util.function.Predicate<String> skipped, ElementHandler handler)
            throws IOException, ParseException {
        String location = source.location();
        String rootName = null;
        try (InputStream in = source.open()) {
            XMLStreamReader r = open(in, location);
            try {
                int depth = 0;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        if (rootName == null) {
                            rootName = name;
                        }
                        if (wanted.test(name)) {
                            handler.handle(readElement(r, location));
                        } else if (skipped.test(name)) {
                            skipElement(r);
                        } else if (++depth > MAX_DEPTH) {
                            throw depthError(location, r);
                        }
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new XMLStreamException("undeclared entity &" + r.getLocalName() + ";",
                                r.getLocation());
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw error(location, e);
        } catch (RuntimeException e) {
            // some StAX implementations signal bad bytes with unchecked exceptions
            throw new ParseException("unreadable XML in " + location + ": " + e, e);
        }
        if (rootName == null) {
            throw new ParseException("no XML element found in " + location);
        }
        return rootName;
    }
}
