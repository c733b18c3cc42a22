package no.alisportalen.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Selects the Elasticsearch client whose connections are kept for writing to the index. Searches share the
 * other client's pool (ten connections per node); under load their requests wait there for a connection, and a
 * publish's write waiting behind them was most of its delay (issue #14).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
@Documented
public @interface IndexWrites {}
