package org.litgraph.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.kernel.impl.security.User;

/**
 * Writes {@code data/dbms/auth.ini} before a new store's first start, as
 * {@code neo4j-admin dbms set-initial-password} does: the user {@code neo4j} is then created with
 * this password, and the default password is never accepted over Bolt.
 */
final class InitialPassword {
    private InitialPassword() {
    }

    static void write(Path authDirectory, String password) throws Exception {
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            fs.mkdirs(authDirectory);
            Path file = authDirectory.resolve("auth.ini");
            if (fs.fileExists(file)) {
                fs.deleteFile(file);
            }
            FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(),
                    EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User("neo4j", null, SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
            users.shutdown();
        }
    }
}
