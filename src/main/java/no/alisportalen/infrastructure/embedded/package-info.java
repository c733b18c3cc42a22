/**
 * Embedded default: an in-process MongoDB-wire-compatible store (mongo-java-server speaking the protocol over
 * our own SQLite backend, DD010) and the real Elasticsearch distribution as a supervised child process. Both
 * are shared per data directory within one JVM (reference counted), so several Spring contexts in one test JVM
 * use one store and one search server.
 */
@NullMarked
package no.alisportalen.infrastructure.embedded;

import org.jspecify.annotations.NullMarked;
