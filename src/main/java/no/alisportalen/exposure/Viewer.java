package no.alisportalen.exposure;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import no.alisportalen.account.PortalUser;
import no.alisportalen.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who is looking, reduced to what counting needs: a salted hash that tells repeated looks of the same visitor
 * apart, a salted hash of the client address (so one address counts as a bounded number of visitors whatever its
 * User-Agents or sessions), both kept in memory only and never stored, and whether the look counts at all. Bots,
 * clients without a User-Agent and the portal's own staff (municipalities, ALIS offices, admins looking at
 * positions is work, not interest) do not count.
 */
public record Viewer(String key, String address, boolean counts) {

    /** A visitor that is an address of its own (imports, demo history, tests). */
    public Viewer(String key, boolean counts) {
        this(key, key, counts);
    }

    /** Crawlers and link previews announce themselves; that is all we can cheaply know. */
    private static final Pattern BOTS = Pattern.compile(
            "(?i)bot\\b|bot/|crawl|spider|slurp|facebookexternalhit|preview|monitor|pingdom|uptime|lighthouse");
    /** Per process: hashes of one run cannot be joined with another's, or reversed by guessing addresses. */
    private static final byte[] SALT = new SecureRandom().generateSeed(16);

    public static final Viewer NOBODY = new Viewer("", "", false);

    /** The visitor of the request being served (API call, page load or a Vaadin UI request), if any. */
    public static Viewer current() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                ? of(servlet.getRequest()) : NOBODY;
    }

    /** The visitor of a request to the API or a page. */
    public static Viewer of(@Nullable HttpServletRequest request) {
        if (request == null) {
            return NOBODY;
        }
        // HEAD shows no one a page: monitors and link checkers use it.
        if ("HEAD".equals(request.getMethod())) {
            return NOBODY;
        }
        var agent = request.getHeader("User-Agent");
        if (isBot(agent)) {
            return NOBODY;
        }
        var user = PortalUser.current().orElse(null);
        if (user != null && user.role() != Role.APPLICANT) {
            return NOBODY;
        }
        String identity;
        var session = request.getSession(false);
        if (user != null) {
            identity = "user:" + user.id().value();
        } else if (session != null) {
            identity = "session:" + session.getId();
        } else {
            identity = "client:" + request.getRemoteAddr() + "|" + agent;
        }
        return new Viewer(hash(identity), hash("address:" + request.getRemoteAddr()), true);
    }

    static boolean isBot(@Nullable String userAgent) {
        return userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find();
    }

    private static String hash(String identity) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(SALT);
            var bytes = digest.digest(identity.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(bytes, 15));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
