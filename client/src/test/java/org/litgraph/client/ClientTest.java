package org.litgraph.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines go to the service, which store they name, and the discovery file's trust rules. */
class ClientTest {

    @Test
    void shouldSendStoreCommandsToTheServiceAndTheRestToTheFullApplication() {
        assertEquals(Client.Route.SERVICE, Client.route("ask", "evidence", "Gleevec", "ILD"));
        assertEquals(Client.Route.SERVICE, Client.route("search", "Gleevec", "--store", "x"));
        assertEquals(Client.Route.SERVICE, Client.route("ingest", "corpus/"));
        assertEquals(Client.Route.SERVICE, Client.route("serve", "--port", "0"));
        assertEquals(Client.Route.LOCAL, Client.route("ask", "evidence", "--no-service", "Gleevec", "ILD"));
        assertEquals(Client.Route.LOCAL, Client.route("cypher", "--uri", "neo4j://h:7687", "RETURN 1"));
        assertEquals(Client.Route.LOCAL, Client.route("cypher", "--uri=neo4j://h:7687", "RETURN 1"));
        assertEquals(Client.Route.LOCAL, Client.route("bench", "--citations", "10"));
        assertEquals(Client.Route.LOCAL, Client.route("annotate", "f.txt"));
        assertEquals(Client.Route.LOCAL, Client.route("ask", "--help"));
        assertEquals(Client.Route.LOCAL, Client.route());
        assertEquals(Client.Route.LOCAL, Client.route("--version"));
        assertEquals(Client.Route.START, Client.route("service", "start", "--store", "x"));
        assertEquals(Client.Route.STOP, Client.route("service", "stop"));
        assertEquals(Client.Route.STATUS, Client.route("service", "status"));
        assertEquals(Client.Route.LOCAL, Client.route("service", "run", "--store", "x"));
    }

    @Test
    void shouldResolveTheStoreAgainstTheClientsWorkingDirectory() {
        Path cwd = Path.of("/home/someone/project");
        assertEquals(Path.of("/home/someone/project/litgraph-data"), Client.store(cwd, "ask", "profile", "x"));
        assertEquals(Path.of("/home/someone/other"), Client.store(cwd, "search", "--store", "../other", "x"));
        assertEquals(Path.of("/data/g"), Client.store(cwd, "search", "--store=/data/g", "x"));
    }

    @Test
    void shouldTrustOnlyAnOwnerOnlyDiscoveryFile(@TempDir Path store) throws Exception {
        ServiceInfo info = new ServiceInfo(42, 4242, "tok\"en", "bolt://127.0.0.1:1", "neo4j", "pw", null, "b1", 7);
        ServiceFiles.write(store, info);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ServiceFiles.discovery(store))));
        assertEquals(info, ServiceFiles.read(store));
        Files.setPosixFilePermissions(ServiceFiles.discovery(store), PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(ServiceFiles.read(store), "a discovery file others can read is not used");
        Files.writeString(ServiceFiles.discovery(store), "{ not json");
        Files.setPosixFilePermissions(ServiceFiles.discovery(store), PosixFilePermissions.fromString("rw-------"));
        assertNull(ServiceFiles.read(store));
    }
}
