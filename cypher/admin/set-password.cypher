// Sets the password of the embedded store's only user (run on the system database through the
// embedded API, never over Bolt). $password: a fresh random password, kept in the owner-only
// discovery file of the litgraph service.
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED;
