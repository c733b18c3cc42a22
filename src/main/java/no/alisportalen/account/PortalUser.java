package no.alisportalen.account;

import java.util.Collection;
import java.util.List;
import no.alisportalen.municipality.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in principal: the account plus its scope, which method security checks against. */
public final class PortalUser implements UserDetails, CredentialsContainer {

    private final Account account;
    private @Nullable String passwordHash;
    private final boolean passwordChangeRequired;
    private final java.time.@Nullable Instant credentialsChangedAt;
    private final @Nullable String apiKeyName;
    private final @Nullable String apiKeyId;

    PortalUser(Account account, @Nullable String passwordHash, boolean passwordChangeRequired,
            java.time.@Nullable Instant credentialsChangedAt) {
        this(account, passwordHash, passwordChangeRequired, credentialsChangedAt, null, null);
    }

    private PortalUser(Account account, @Nullable String passwordHash, boolean passwordChangeRequired,
            java.time.@Nullable Instant credentialsChangedAt, @Nullable String apiKeyName, @Nullable String apiKeyId) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = passwordChangeRequired;
        this.credentialsChangedAt = credentialsChangedAt;
        this.apiKeyName = apiKeyName;
        this.apiKeyId = apiKeyId;
    }

    static PortalUser of(AccountDocument document) {
        return new PortalUser(document.toAccount(), document.passwordHash(), document.passwordChangeRequired(),
                document.credentialsChangedAt());
    }

    /** The owner of an API key, acting through that key (no password, no session). */
    static PortalUser viaKey(AccountDocument owner, String keyName, @Nullable String keyId) {
        return new PortalUser(owner.toAccount(), null, false, owner.credentialsChangedAt(), keyName, keyId);
    }

    /** The id of the API key this request came with (what rate limits key on; never a metric label). */
    public java.util.Optional<String> viaApiKeyId() {
        return java.util.Optional.ofNullable(apiKeyId);
    }

    /** The name of the API key this request came with, if it came with one. */
    public java.util.Optional<String> viaApiKey() {
        return java.util.Optional.ofNullable(apiKeyName);
    }

    /** Who acted, as the audit trail records it: the e-mail, and the API key's name when one was used. */
    public String actor() {
        return apiKeyName == null ? account.email() : account.email() + " (API key \"" + apiKeyName + "\")";
    }

    /** An administrator set a temporary password: nothing but changing it is allowed until then. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** When the password last changed, as this login saw it; a session whose stamp is older has ended. */
    public java.time.@Nullable Instant credentialsChangedAt() {
        return credentialsChangedAt;
    }

    /** The logged-in portal user of this thread, if any. */
    public static java.util.Optional<PortalUser> current() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalUser user
                ? java.util.Optional.of(user) : java.util.Optional.empty();
    }

    public Account account() {
        return account;
    }

    public AccountId id() {
        return account.id();
    }

    public Role role() {
        return account.role();
    }

    public String displayName() {
        return account.name();
    }

    /** True when this user may act for the municipality: its own MUNICIPALITY users, and admins. */
    public boolean actsFor(String municipalityNumber) {
        return account.role() == Role.ADMIN
                || (account.role() == Role.MUNICIPALITY && municipalityNumber.equals(account.municipalityNumber()));
    }

    /** True when this user oversees the region: its ALIS office, and admins. */
    public boolean oversees(Region region) {
        return account.role() == Role.ADMIN || (account.role() == Role.ALIS_OFFICE && region == account.region());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "PortalUser[" + account.email() + ", " + account.role() + "]";
    }
}
