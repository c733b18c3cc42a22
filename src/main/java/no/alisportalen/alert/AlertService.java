package no.alisportalen.alert;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.alisportalen.account.AccountId;
import no.alisportalen.account.PortalUser;
import no.alisportalen.base.FieldProblem;
import no.alisportalen.base.InvalidInputException;
import no.alisportalen.base.NotFoundException;
import no.alisportalen.matching.MatchService;
import no.alisportalen.municipality.MunicipalityService;
import no.alisportalen.position.PositionId;
import no.alisportalen.position.PositionService;
import no.alisportalen.search.SearchParameters;
import no.alisportalen.search.SearchQuery;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Saved searches and favourites of applicants. */
@Service
public class AlertService {

    public static final int NAME_MAX = 120;
    public static final int QUERY_MAX = 2_000;
    public static final int MAX_SAVED_SEARCHES = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final MatchService matches;
    private final MunicipalityService municipalities;
    private final PositionService positions;
    private final Clock clock;

    private final org.springframework.beans.factory.ObjectProvider<AlertEvaluator> evaluator;

    AlertService(MongoTemplate mongo, MatchService matches, MunicipalityService municipalities,
            PositionService positions, Clock clock,
            org.springframework.beans.factory.ObjectProvider<AlertEvaluator> evaluator) {
        this.evaluator = evaluator;
        this.mongo = mongo;
        this.matches = matches;
        this.municipalities = municipalities;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * Evaluates the changes so far on this thread, now (the demo's history: its notices dated when its changes
     * happened). The scheduled evaluation does the same every few seconds.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int evaluatePendingChanges() {
        return evaluator.getObject().drain();
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public List<SavedSearch> savedSearches() {
        return mongo.find(Query.query(Criteria.where("owner").is(currentId())).with(Sort.by("createdAt")),
                SavedSearchDocument.class).stream().map(SavedSearchDocument::toSavedSearch).toList();
    }

    /**
     * Saves a search (its URL parameters, validated like a search) or a preference set; new matches are notified
     * from now on.
     *
     * @throws InvalidInputException for a missing name, an invalid search or invalid preferences
     */
    @PreAuthorize("hasRole('APPLICANT')")
    public SavedSearch save(NewSavedSearch request) {
        var owner = currentId();
        List<FieldProblem> problems = new ArrayList<>();
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", name.isEmpty() ? "validation.required" : "validation.text.max",
                    NAME_MAX));
        }
        var query = request.query() == null || request.query().isBlank() ? null : request.query().strip();
        if (query != null) {
            // Parsed leniently like a search page URL: unknown values drop out, so what is stored always runs.
            if (query.length() > QUERY_MAX) {
                problems.add(FieldProblem.of("query", "validation.text.max", QUERY_MAX));
            }
        }
        var preferences = query != null ? null : request.preferences() != null ? request.preferences()
                : matches.preferences();
        if (preferences != null && request.preferences() != null) {
            try {
                matches.validate(preferences);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(FieldProblem.of("preferences." + p.field(), p.messageKey(),
                        p.args().toArray())));
            }
        }
        if (mongo.count(Query.query(Criteria.where("owner").is(owner)), SavedSearchDocument.class)
                >= MAX_SAVED_SEARCHES) {
            problems.add(FieldProblem.of("name", "validation.savedSearch.tooMany", MAX_SAVED_SEARCHES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var document = new SavedSearchDocument(new ObjectId().toHexString(), owner, name,
                query != null ? SavedSearchKind.SEARCH : SavedSearchKind.PREFERENCES, query, preferences,
                request.email() == null || request.email(), token(), Instant.now(clock));
        return mongo.insert(document).toSavedSearch();
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public void delete(String id) {
        var removed = mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(currentId())),
                SavedSearchDocument.class);
        if (removed.getDeletedCount() == 0) {
            throw new NotFoundException("savedSearch");
        }
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public SavedSearch setEmail(String id, boolean on) {
        var document = mongo.findOne(Query.query(Criteria.where("_id").is(id).and("owner").is(currentId())),
                SavedSearchDocument.class);
        if (document == null) {
            throw new NotFoundException("savedSearch");
        }
        return mongo.save(document.withEmail(on)).toSavedSearch();
    }

    /**
     * One-click unsubscribe from an e-mail link: no login, the token is the secret. In-app notices continue.
     *
     * @return the search's name, or null when the token is unknown
     */
    public @Nullable String unsubscribe(String token) {
        var document = mongo.findOne(Query.query(Criteria.where("unsubscribeToken").is(token)),
                SavedSearchDocument.class);
        if (document == null) {
            return null;
        }
        mongo.save(document.withEmail(false));
        return document.name();
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public List<Favourite> favourites() {
        return mongo.find(Query.query(Criteria.where("owner").is(currentId())).with(Sort.by("createdAt")),
                FavouriteDocument.class).stream()
                .map(f -> new Favourite(new PositionId(f.positionId()), f.positionTitle(), f.createdAt())).toList();
    }

    /** @throws NotFoundException when the position does not exist or is not visible to the applicant */
    @PreAuthorize("hasRole('APPLICANT')")
    public Favourite addFavourite(PositionId positionId) {
        var owner = currentId();
        var position = positions.find(positionId).orElseThrow(() -> new NotFoundException("position"));
        var document = new FavouriteDocument(owner + "|" + positionId.value(), owner, positionId.value(),
                java.util.Objects.requireNonNullElse(position.data().title(), ""), Instant.now(clock));
        mongo.save(document); // saving again is harmless: the id is the pair
        return new Favourite(positionId, document.positionTitle(), document.createdAt());
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public void removeFavourite(PositionId positionId) {
        mongo.remove(Query.query(Criteria.where("_id").is(currentId() + "|" + positionId.value())),
                FavouriteDocument.class);
    }

    @PreAuthorize("hasRole('APPLICANT')")
    public boolean isFavourite(PositionId positionId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(currentId() + "|" + positionId.value())),
                FavouriteDocument.class);
    }

    SearchQuery toSearchQuery(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (var pair : query.replaceFirst("^\\?", "").split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return SearchParameters.parse(parameters, municipalities, 20);
    }

    void erase(AccountId owner) {
        mongo.remove(Query.query(Criteria.where("owner").is(owner.value())), SavedSearchDocument.class);
        mongo.remove(Query.query(Criteria.where("owner").is(owner.value())), FavouriteDocument.class);
    }

    Map<String, Object> export(AccountId owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("savedSearches", mongo.find(Query.query(Criteria.where("owner").is(owner.value())),
                SavedSearchDocument.class).stream().map(SavedSearchDocument::toSavedSearch).toList());
        data.put("favourites", mongo.find(Query.query(Criteria.where("owner").is(owner.value())),
                FavouriteDocument.class).stream()
                .map(f -> new Favourite(new PositionId(f.positionId()), f.positionTitle(), f.createdAt())).toList());
        return data;
    }

    private static String token() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String currentId() {
        return PortalUser.current().orElseThrow(() -> new AccessDeniedException("Login required")).id().value();
    }
}
