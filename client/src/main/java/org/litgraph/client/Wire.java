package org.litgraph.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The command channel between a client and a litgraph service, on a loopback socket. The client
 * opens with {@link #MAGIC} and the token of the discovery file, then one request: {@link #RUN}
 * (working directory, whether it is on a terminal, the arguments), {@link #STATUS} or
 * {@link #STOP}. The service answers with frames (type byte, length, bytes): {@link #OUT} and
 * {@link #ERR} carry output, {@link #EXIT} the exit status. While a command runs the client may
 * send {@link #CANCEL} (Ctrl-C); closing the socket cancels too.
 */
public final class Wire {
    public static final int MAGIC = 0x4c475331; // "LGS1"
    public static final byte RUN = 'R';
    public static final byte STATUS = 'P';
    public static final byte STOP = 'S';
    public static final byte OUT = 'O';
    public static final byte ERR = 'E';
    public static final byte EXIT = 'X';
    public static final byte CANCEL = 'C';
    /** Frames and strings larger than this are refused. */
    public static final int MAX_FRAME = 64 << 20;

    private Wire() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_FRAME) {
            throw new IOException("bad string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** One frame, written atomically with respect to other frames on the same stream. */
    public static void frame(DataOutputStream out, byte type, byte[] b, int off, int len) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(len);
            out.write(b, off, len);
            out.flush();
        }
    }
}
