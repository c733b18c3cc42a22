package no.alisportalen.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import no.alisportalen.base.ConflictException;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.municipality.MunicipalityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration, administration and lookup of accounts. */
@Service
public class AccountService {

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9 ()-]{5,20}$");
    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final MunicipalityService municipalities;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<PersonalData> personalData;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.data.mongodb.core.MongoTemplate mongo;
    private final EmailVerifications verifications;
    private final PasswordService passwords;

    AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, MunicipalityService municipalities,
            Clock clock, org.springframework.beans.factory.ObjectProvider<PersonalData> personalData,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.data.mongodb.core.MongoTemplate mongo, EmailVerifications verifications,
            PasswordService passwords) {
        this.passwords = passwords;
        this.mongo = mongo;
        this.verifications = verifications;
        this.personalData = personalData;
        this.events = events;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /**
     * Registers an applicant; open to anyone.
     *
     * @throws InvalidInputException when the password breaks the policy
     * @throws ConflictException when the e-mail address is taken
     */
    public Account registerApplicant(NewApplicant applicant) {
        var email = normalize(Objects.requireNonNull(applicant.email()));
        var password = Objects.requireNonNull(applicant.password());
        var problems = PasswordPolicy.check(password, email);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var existing = repository.findByEmail(email);
        if (existing.isPresent() && Boolean.FALSE.equals(existing.get().emailVerified())) {
            // Someone registered this address and never confirmed it. The address's owner gets a link that sets
            // the password and confirms it; the answer is a new registration's, so it reveals nothing.
            passwords.registeredAgain(existing.get(), java.util.Locale.forLanguageTag("nb"));
            return new Account(new AccountId(Objects.requireNonNull(existing.get().id())), email,
                    Objects.requireNonNull(applicant.name()).strip(), Role.APPLICANT, null, null, applicant.stage(),
                    null, null, Instant.now(clock), false, ApplicantDetails.NONE);
        }
        var account = save(new AccountDocument(null, null, email, passwordEncoder.encode(password),
                Objects.requireNonNull(applicant.name()).strip(), Role.APPLICANT, null, null, applicant.stage(),
                null, null, Instant.now(clock), false, null, verifications.needed() ? Boolean.FALSE : null, null));
        events.publishEvent(new ApplicantRegistered(account.id()));
        verifications.start(account, java.util.Locale.forLanguageTag("nb"));
        return account;
    }

    /**
     * Creates a user of any role; administrators only. MUNICIPALITY users need an existing municipality number,
     * ALIS_OFFICE users a region; other roles carry no scope.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Account createUser(NewUser user) {
        ApiKeyService.refuseApiKey();
        return createUserUnchecked(user);
    }

    /** For bootstrapping (the configured admin, demo accounts) before anyone is logged in. */
    Account createUserUnchecked(NewUser user) {
        var email = normalize(Objects.requireNonNull(user.email()));
        var password = Objects.requireNonNull(user.password());
        var role = Objects.requireNonNull(user.role());
        List<FieldProblem> problems = new ArrayList<>(PasswordPolicy.check(password, email));
        String municipality = null;
        no.alisportalen.municipality.Region region = null;
        switch (role) {
            case MUNICIPALITY -> {
                municipality = municipalities.canonicalNumber(user.municipalityNumber()).orElse(null);
                if (municipality == null) {
                    problems.add(FieldProblem.of("municipalityNumber", "validation.municipality.unknown"));
                }
            }
            case ALIS_OFFICE -> {
                if (user.region() == null) {
                    problems.add(FieldProblem.of("region", "validation.region.required"));
                }
                region = user.region();
            }
            case APPLICANT, ADMIN -> { }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return save(new AccountDocument(null, null, email, passwordEncoder.encode(password),
                Objects.requireNonNull(user.name()).strip(), role, municipality, region,
                role == Role.APPLICANT ? ApplicantStage.DOCTOR : null, null, null, Instant.now(clock), false, null,
                null, null));
    }

    /**
     * Updates the logged-in user's own profile.
     *
     * @throws InvalidInputException listing every invalid field
     */
    @PreAuthorize("isAuthenticated()")
    public Account updateProfile(ProfileUpdate update) {
        var user = PortalUser.current().orElseThrow();
        var current = repository.findById(user.id().value()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        var name = update.name() == null ? "" : update.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "validation.name.required"));
        } else if (name.length() > 120) {
            problems.add(FieldProblem.of("name", "validation.name.size"));
        }
        boolean applicant = current.role() == Role.APPLICANT;
        if (applicant && update.stage() == null) {
            problems.add(FieldProblem.of("stage", "validation.stage.required"));
        }
        int thisYear = java.time.Year.now(clock).getValue();
        if (update.graduationYear() != null
                && (update.graduationYear() < thisYear - 60 || update.graduationYear() > thisYear + 10)) {
            problems.add(FieldProblem.of("graduationYear", "validation.range", thisYear - 60, thisYear + 10));
        }
        var home = municipalities.canonicalNumber(update.homeMunicipality()).orElse(null);
        if (update.homeMunicipality() != null && home == null) {
            problems.add(FieldProblem.of("homeMunicipality", "validation.municipality.unknown"));
        }
        var details = applicant ? details(update, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var next = new AccountDocument(current.id(), current.version(), current.email(), current.passwordHash(), name,
                current.role(), current.municipalityNumber(), current.region(),
                applicant ? update.stage() : current.stage(), applicant ? update.graduationYear() : null,
                applicant ? home : null, current.createdAt(), current.passwordChangeRequired(),
                current.credentialsChangedAt(), current.emailVerified(), details);
        try {
            return repository.save(next).toAccount();
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            throw new ConflictException("conflict.account.stale");
        }
    }

    /** The applicant details of an update, checked; problems are added to the list. */
    private ApplicantDetails details(ProfileUpdate update, List<FieldProblem> problems) {
        var today = java.time.LocalDate.now(clock);
        if (update.birthDate() != null
                && (update.birthDate().isAfter(today.minusYears(16)) || update.birthDate().isBefore(today.minusYears(100)))) {
            problems.add(FieldProblem.of("birthDate", "validation.birthDate"));
        }
        var phone = clean(update.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(FieldProblem.of("phone", "validation.phone"));
        }
        var title = clean(update.title());
        max(problems, "title", title, ApplicantDetails.TITLE_MAX);
        var education = clean(update.education());
        max(problems, "education", education, ApplicantDetails.EDUCATION_MAX);
        var experience = clean(update.experience());
        max(problems, "experience", experience, ApplicantDetails.EXPERIENCE_MAX);
        return new ApplicantDetails(update.birthDate(), update.gender(), title, phone, education, experience);
    }

    private static @org.jspecify.annotations.Nullable String clean(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void max(List<FieldProblem> problems, String field, @org.jspecify.annotations.Nullable String value,
            int max) {
        if (value != null && value.length() > max) {
            problems.add(FieldProblem.of(field, "validation.text.max", max));
        }
    }

    /** Everything the portal holds about the logged-in applicant, by feature. */
    @PreAuthorize("hasRole('APPLICANT')")
    public java.util.Map<String, Object> exportMine() {
        var id = PortalUser.current().orElseThrow().id();
        var export = new java.util.LinkedHashMap<String, Object>();
        export.put("exportedAt", Instant.now(clock));
        export.put("account", find(id).orElseThrow());
        personalData.orderedStream().forEach(p -> export.put(p.section(), p.export(id)));
        return export;
    }

    /**
     * Deletes the logged-in applicant's account and, first, everything other features hold about it; a failure
     * part-way leaves the account in place so the applicant can try again.
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public void deleteMine() {
        var id = PortalUser.current().orElseThrow().id();
        personalData.orderedStream().forEach(p -> p.erase(id));
        repository.deleteById(id.value());
        events.publishEvent(new AccountDeleted(id));
    }

    /**
     * Removes self-registered accounts whose address was never confirmed within {@link EmailVerifications#VALIDITY},
     * with everything other features hold about them; daily. Idempotent, so it may run on every node.
     */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 41 4 * * *", zone = "Europe/Oslo")
    void removeUnconfirmed() {
        var cutoff = Instant.now(clock).minus(EmailVerifications.VALIDITY);
        var query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("emailVerified").is(false)
                        .and("createdAt").lt(cutoff));
        for (var document : mongo.find(query, AccountDocument.class)) {
            var id = new AccountId(java.util.Objects.requireNonNull(document.id()));
            personalData.orderedStream().forEach(p -> p.erase(id));
            repository.deleteById(id.value());
            events.publishEvent(new AccountDeleted(id));
        }
    }

    /**
     * Refuses an account whose address is not confirmed: it may look around, but reach no one.
     *
     * @throws EmailUnconfirmedException while the address is unconfirmed (SMTP configured)
     */
    public void requireConfirmed(AccountId id) {
        if (repository.findById(id.value()).map(d -> Boolean.FALSE.equals(d.emailVerified())).orElse(false)) {
            throw new EmailUnconfirmedException();
        }
    }

    public Optional<Account> findByEmail(String email) {
        return repository.findByEmail(normalize(email)).map(AccountDocument::toAccount);
    }

    public Optional<Account> find(AccountId id) {
        return repository.findById(id.value()).map(AccountDocument::toAccount);
    }

    /** Every account, newest first; administrators only. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Account> all() {
        return repository.findAll(org.springframework.data.domain.Sort.by("createdAt").descending()).stream()
                .map(AccountDocument::toAccount).toList();
    }

    /** Ids of every applicant account (for monitoring's latent demand). */
    public List<AccountId> applicantIds() {
        var query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("role").is(Role.APPLICANT.name()));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "accounts").stream()
                .map(d -> new AccountId(String.valueOf(d.get("_id")))).toList();
    }

    /** Ids of the municipality's user accounts (for reminders about the municipality's tasks). */
    public List<AccountId> municipalityUserIds(String municipalityNumber) {
        var query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("role").is(Role.MUNICIPALITY.name())
                        .and("municipalityNumber").is(municipalityNumber));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "accounts").stream()
                .map(d -> new AccountId(String.valueOf(d.get("_id")))).toList();
    }

    public long count() {
        return repository.count();
    }

    /** Stored hash for the login check; only the security feature's authentication provider uses it. */
    Optional<AccountDocument> document(String email) {
        return repository.findByEmail(normalize(email));
    }

    private Account save(AccountDocument document) {
        try {
            return repository.insert(document).toAccount();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("conflict.email.taken");
        }
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
