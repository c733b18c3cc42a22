package no.alisportalen.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import no.alisportalen.base.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountController {

    private final AccountService accounts;
    private final RegistrationThrottle registrations;

    AccountController(AccountService accounts, RegistrationThrottle registrations) {
        this.accounts = accounts;
        this.registrations = registrations;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/applicants")
    @Operation(summary = "Register as an applicant (anyone)")
    ResponseEntity<Account> register(@Valid @RequestBody NewApplicant applicant,
            jakarta.servlet.http.HttpServletRequest request) {
        registrations.acquire(request.getRemoteAddr());
        var account = accounts.registerApplicant(applicant);
        return ResponseEntity.created(URI.create("/api/v1/me")).body(account);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a user of any role with its scope (ADMIN)")
    ResponseEntity<Account> createUser(@Valid @RequestBody NewUser user) {
        var account = accounts.createUser(user);
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + account.id().value())).body(account);
    }

    @org.springframework.web.bind.annotation.PutMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Update the own profile: name; applicants also stage, graduationYear, homeMunicipality")
    Account updateProfile(@RequestBody ProfileUpdate update) {
        return accounts.updateProfile(update);
    }

    @GetMapping("/me/export")
    @Operation(summary = "Download everything the portal holds about the applicant as JSON (APPLICANT)")
    ResponseEntity<java.util.Map<String, Object>> export() {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"alis-portalen-data.json\"")
                .body(accounts.exportMine());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @org.springframework.web.bind.annotation.DeleteMapping("/me")
    @Operation(summary = "Delete the applicant's account with its applications, preferences, saved searches, "
            + "favourites and notifications (APPLICANT)")
    ResponseEntity<Void> delete(jakarta.servlet.http.HttpServletRequest request) {
        accounts.deleteMine();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The logged-in account")
    Account me(@AuthenticationPrincipal PortalUser user) {
        return accounts.find(user.id()).orElseThrow(() -> new NotFoundException("account"));
    }
}
