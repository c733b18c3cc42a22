/** HTTP plumbing shared by every API: RFC 9457 problem details for every error and the request-size limit. */
@NullMarked
@NamedInterface("web")
package no.alisportalen.base.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
