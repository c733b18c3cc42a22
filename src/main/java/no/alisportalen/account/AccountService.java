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

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final MunicipalityService municipalities;
    private final Clock clock;

    AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, MunicipalityService municipalities,
            Clock clock) {
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
        return save(new AccountDocument(null, null, email, passwordEncoder.encode(password),
                Objects.requireNonNull(applicant.name()).strip(), Role.APPLICANT, null, null, applicant.stage(),
                null, null, Instant.now(clock)));
    }

    /**
     * Creates a user of any role; administrators only. MUNICIPALITY users need an existing municipality number,
     * ALIS_OFFICE users a region; other roles carry no scope.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Account createUser(NewUser user) {
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
                if (user.municipalityNumber() == null || !municipalities.exists(user.municipalityNumber())) {
                    problems.add(FieldProblem.of("municipalityNumber", "validation.municipality.unknown"));
                }
                municipality = user.municipalityNumber();
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
                role == Role.APPLICANT ? ApplicantStage.DOCTOR : null, null, null, Instant.now(clock)));
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
