/**
 * Accounts and roles: applicants register themselves; administrators create municipality, ALIS-office and admin
 * users, each scoped (one municipality number, one region). Passwords are stored only as BCrypt hashes.
 */
@NullMarked
package no.alisportalen.account;

import org.jspecify.annotations.NullMarked;
