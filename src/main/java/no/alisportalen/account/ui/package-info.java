/** Registration for applicants and user administration for admins. */
@NullMarked
package no.alisportalen.account.ui;

import org.jspecify.annotations.NullMarked;
