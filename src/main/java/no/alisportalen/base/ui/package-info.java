/**
 * The UI shell shared by every view: main layout with role-aware navigation, the landing and about pages,
 * language handling (Norwegian bokmål by default, English second) and the error view. Features' views may use
 * its public helpers (form errors).
 */
@NullMarked
@NamedInterface("ui")
package no.alisportalen.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
