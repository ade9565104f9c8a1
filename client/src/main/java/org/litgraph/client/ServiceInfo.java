package org.litgraph.client;

/**
 * What a running litgraph service publishes in its discovery file: its process, the loopback port
 * and secret token of its command channel, the Bolt address and credentials of its store, the
 * web page when {@code serve} turned it on, and the build it runs (a client of another build
 * restarts it).
 */
public record ServiceInfo(long pid, int port, String token, String boltUri, String boltUser, String boltPassword,
                          String httpUrl, String build, long startedMillis) {
}
