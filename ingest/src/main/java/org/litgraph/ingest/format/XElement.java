package org.litgraph.ingest.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamReader;

/**
 * A small read-only XML element tree (local names only), built by {@link SecureXml} for one
 * record at a time. Children are {@code XElement} or {@code String} (text) in document order.
 */
final class XElement {
    private final String name;
    private final Map<String, String> attributes;
    private final List<Object> children = new ArrayList<>();

    private XElement(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    static XElement start(XMLStreamReader r) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return new XElement(r.getLocalName(), attrs);
    }

    /** A nameless element holding just {@code child}, to render it as a container's content. */
    static XElement wrap(XElement child) {
        XElement w = new XElement("#wrapper", Map.of());
        w.add(child);
        return w;
    }

    void add(XElement child) {
        children.add(child);
    }

    void addText(String text) {
        if (!children.isEmpty() && children.get(children.size() - 1) instanceof String s) {
            children.set(children.size() - 1, s + text);
        } else {
            children.add(text);
        }
    }

    String name() {
        return name;
    }

    String attr(String attribute) {
        return attributes.get(attribute);
    }

    List<Object> content() {
        return children;
    }

    /** Child elements in order. */
    List<XElement> elements() {
        List<XElement> out = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof XElement e) {
                out.add(e);
            }
        }
        return out;
    }

    List<XElement> children(String childName) {
        List<XElement> out = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof XElement e && e.name.equals(childName)) {
                out.add(e);
            }
        }
        return out;
    }

    XElement child(String childName) {
        for (Object c : children) {
            if (c instanceof XElement e && e.name.equals(childName)) {
                return e;
            }
        }
        return null;
    }

    /** Follows a path of child names; null when any step is missing. */
    XElement path(String... names) {
        XElement e = this;
        for (String n : names) {
            e = e.child(n);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    /** Descendants (not this element) with the given name, in document order, without descending into matches. */
    List<XElement> find(String descendantName) {
        return find(e -> e.name.equals(descendantName));
    }

    List<XElement> find(Predicate<XElement> test) {
        List<XElement> out = new ArrayList<>();
        Deque<XElement> stack = new ArrayDeque<>();
        pushChildren(stack, this);
        while (!stack.isEmpty()) {
            XElement e = stack.pop();
            if (test.test(e)) {
                out.add(e);
            } else {
                pushChildren(stack, e);
            }
        }
        return out;
    }

    XElement first(String descendantName) {
        List<XElement> all = find(descendantName);
        return all.isEmpty() ? null : all.get(0);
    }

    private static void pushChildren(Deque<XElement> stack, XElement e) {
        for (int i = e.children.size() - 1; i >= 0; i--) {
            if (e.children.get(i) instanceof XElement c) {
                stack.push(c);
            }
        }
    }

    /** All text below this element, markup dropped (so {@code <i>}, {@code <sup>} read as text). */
    String rawText() {
        return textExcept(e -> false);
    }

    /** All text, whitespace collapsed. */
    String text() {
        return collapse(rawText());
    }

    /** All text except inside elements {@code skip} accepts; raw whitespace. */
    String textExcept(Predicate<XElement> skip) {
        StringBuilder sb = new StringBuilder();
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o instanceof String s) {
                sb.append(s);
            } else {
                XElement e = (XElement) o;
                if (e != this && skip.test(e)) {
                    continue;
                }
                for (int i = e.children.size() - 1; i >= 0; i--) {
                    stack.push(e.children.get(i));
                }
            }
        }
        return sb.toString();
    }

    static String collapse(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    static String textOf(XElement e) {
        if (e == null) {
            return null;
        }
        String t = e.text();
        return t.isEmpty() ? null : t;
    }
}
