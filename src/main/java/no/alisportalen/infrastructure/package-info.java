/**
 * Infrastructure: the MongoDB and Elasticsearch clients, their health, and (in {@code embedded}) the launchers
 * that run both stores in-process or as a child process when no external server is configured. No feature
 * knows whether it runs embedded: everything goes through Spring Boot's standard Mongo connection details and
 * the {@link co.elastic.clients.elasticsearch.ElasticsearchClient} beans declared here (one for searches, one
 * for index writes).
 */
@NullMarked
package no.alisportalen.infrastructure;

import org.jspecify.annotations.NullMarked;
