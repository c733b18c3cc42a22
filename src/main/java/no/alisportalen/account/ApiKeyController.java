package no.alisportalen.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys, as shared/docs/api-v1.md ("Authentication") states them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class ApiKeyController {

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    /**
     * @param expiresAt an instant, or a date: the key then works through that day (Norwegian time)
     */
    record NewKey(@Nullable String name, @Nullable String expiresAt) {}

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping("/me/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a named API key (MUNICIPALITY, ALIS_OFFICE, ADMIN); expiresAt optional, default "
            + "one year; the key is in this response only")
    ResponseEntity<CreatedApiKey> create(@RequestBody NewKey body) {
        var created = keys.create(body.name(), expiry(body.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/me/api-keys/" + created.id())).body(created);
    }

    @GetMapping("/me/api-keys")
    @Operation(summary = "The caller's API keys, without the keys, with lastUsedAt and status")
    List<ApiKey> mine() {
        return keys.mine();
    }

    @DeleteMapping("/me/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's API keys")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/admin/users/{userId}/api-keys")
    @Operation(summary = "Any account's API keys, without the keys (ADMIN; not with an API key)")
    List<ApiKey> ofUser(@PathVariable String userId) {
        return keys.ofAccount(new AccountId(userId));
    }

    @DeleteMapping("/admin/users/{userId}/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke any account's API key (ADMIN; not with an API key)")
    ResponseEntity<Void> revokeOfUser(@PathVariable String userId, @PathVariable String id) {
        keys.revokeOfAccount(new AccountId(userId), id);
        return ResponseEntity.noContent().build();
    }

    private static @Nullable Instant expiry(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).plusDays(1).atStartOfDay(NORWAY).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(FieldProblem.of("expiresAt", "validation.apiKey.expiryFormat")));
        }
    }
}
