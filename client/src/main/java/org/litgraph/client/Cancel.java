package org.litgraph.client;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Ctrl-C while the service runs a command: the first asks the service to cancel it (an ingest
 * stops after the batch being written, which is kept, and reports what it wrote); a second one
 * leaves at once (closing the channel cancels the command too).
 */
final class Cancel {
    private Cancel() {
    }

    static void install(DataOutputStream out, PrintStream err) {
        int[] count = {0};
        try {
            Signal.handle(new Signal("INT"), sig -> {
                if (count[0]++ == 0) {
                    err.println();
                    err.println("litgraph: cancelling (Ctrl-C again to leave at once)");
                    try {
                        synchronized (out) {
                            out.writeByte(Wire.CANCEL);
                            out.flush();
                        }
                    } catch (IOException e) {
                        Runtime.getRuntime().halt(130);
                    }
                } else {
                    Runtime.getRuntime().halt(130);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT here (e.g. not on a terminal): the default applies, and the closed channel cancels
        }
    }
}
