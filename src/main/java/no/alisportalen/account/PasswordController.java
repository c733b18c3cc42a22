package no.alisportalen.account;

import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import no.alisportalen.base.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Passwords, as shared/docs/api-v1.md ("Passwords") states them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class PasswordController {

    record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {}

    record TemporaryPassword(@Nullable String temporaryPassword) {}

    record ResetRequest(@Nullable String email) {}

    record ResetConfirmation(@Nullable String token, @Nullable String newPassword) {}

    record EmailConfirmation(@Nullable String token) {}

    private final PasswordService passwords;
    private final EmailVerifications verifications;

    PasswordController(PasswordService passwords, EmailVerifications verifications) {
        this.passwords = passwords;
        this.verifications = verifications;
    }

    @PostMapping("/email-verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Confirm an applicant's e-mail address with the token from the confirmation e-mail "
            + "(anyone); until then the portal mails that address nothing else")
    ResponseEntity<Void> confirmEmail(@RequestBody EmailConfirmation body) {
        verifications.confirm(body.token());
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/me/password")
    @Operation(summary = "Change the own password (current password required); the user's other sessions end")
    ResponseEntity<Void> change(@RequestBody PasswordChange change, HttpServletRequest request) {
        var fresh = passwords.changeOwn(change.currentPassword(), change.newPassword());
        // This session goes on with the new stamp; every other one of the user's sessions has ended.
        if (request.getSession(false) != null) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        }
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/admin/users/{id}/password")
    @Operation(summary = "Set a temporary password for a user, to be changed at their next login (ADMIN)")
    ResponseEntity<Void> setTemporary(@PathVariable String id, @RequestBody TemporaryPassword body) {
        passwords.setTemporary(new AccountId(id), body.temporaryPassword());
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/password-reset")
    @Operation(summary = "Ask for a single-use reset link valid 30 minutes, mailed when SMTP is configured; "
            + "202 whether or not the address exists (anyone)")
    ResponseEntity<Void> requestReset(@RequestBody ResetRequest body, HttpServletRequest request) {
        passwords.requestReset(body.email(), Messages.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/password-reset/confirm")
    @Operation(summary = "Set a new password with the token from the reset e-mail (anyone)")
    ResponseEntity<Void> confirmReset(@RequestBody ResetConfirmation body) {
        passwords.confirmReset(body.token(), body.newPassword());
        return ResponseEntity.noContent().build();
    }
}
