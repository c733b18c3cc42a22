/** Application root: the Spring Boot entry point and the Vaadin app shell. */
@NullMarked
package no.alisportalen;

import org.jspecify.annotations.NullMarked;
