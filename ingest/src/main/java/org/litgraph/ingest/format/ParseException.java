package org.litgraph.ingest.format;

/** Input that a parser cannot read; the message is shown to the user next to the file name. */
public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
