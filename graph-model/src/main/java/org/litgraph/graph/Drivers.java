package org.litgraph.graph;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neo4j.driver.Driver;

/** Helpers shared by the stores: a bounded connectivity check and readable root causes. */
public final class Drivers {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private Drivers() {
    }

    /** verifyConnectivity() can hang for ever on a Netty version mix; bound it. */
    public static void verify(Driver driver) {
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "litgraph-connect-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> check = exec.submit(driver::verifyConnectivity);
            check.get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StoreException("no answer over Bolt within " + CONNECT_TIMEOUT.toSeconds()
                    + " s (a Netty version mix on the class path causes this)", e);
        } catch (ExecutionException e) {
            throw new StoreException("cannot connect: " + rootMessage(e), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while connecting", e);
        } finally {
            exec.shutdownNow();
        }
    }

    /** The message of the innermost cause (its simple class name when it has none). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
