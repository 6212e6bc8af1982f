package org.foodrisk.api.access;

import org.foodrisk.api.ingest.IngestController;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may make which HTTP request — deny unless a rule allows:
 * <ul>
 *   <li>public: health, the OpenAPI document, the dashboard's static files (they hold no data),
 *       /prometheus unless {@code foodrisk.security.metrics-public: false}, and the sign-in
 *       endpoint itself;</li>
 *   <li>the ingestion endpoints are left to their publishers' tokens ({@code IngestFilter});</li>
 *   <li>any other read needs a signed-in user, whatever the role;</li>
 *   <li>a write needs a rule naming it: only {@code POST /api/v1/alerts/{alertId}/actions},
 *       {@code POST /api/v1/disposal-cases/{caseId}/actions}, {@code POST /api/v1/consultations} and
 *       {@code POST /api/v1/consultations/{id}/progress}, {@code POST /api/v1/alerts/{alertId}/communications} and
 *       {@code POST /api/v1/communications/{id}/edit|approve|withdraw}, for unit members and admins (which alert,
 *       case, 会商 or draft and in whose name is decided by {@link ActionAuthority} / {@link DisposalAuthority} /
 *       {@code ConsultationsController} / {@code CommunicationsController}). A new write endpoint stays closed until
 *       a rule is added here.</li>
 * </ul>
 */
public final class AccessRules {

    /** What the filter does with a request. */
    public enum Verdict {
        /** Pass without a user (the endpoint holds no data, or guards itself). */
        PUBLIC,
        /** Pass: the signed-in user may. */
        ALLOWED,
        /** 401: no valid credentials. */
        UNAUTHENTICATED,
        /** 403: signed in, but no rule allows it. */
        FORBIDDEN
    }

    public record Decision(Verdict verdict, String reason) {
    }

    public static final String SESSION = "/api/v1/session";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> PUBLIC_READ_PREFIXES = List.of("/health", "/swagger/", "/dashboard");
    private static final Set<String> API_DOCS_REDIRECTS = Set.of("/swagger", "/swagger-ui", "/swagger-ui/", "/api-docs");
    private static final Pattern ALERT_ACTIONS = Pattern.compile("/api/v1/alerts/[^/]+/actions/?");
    private static final Pattern DISPOSAL_ACTIONS = Pattern.compile("/api/v1/disposal-cases/[^/]+/actions/?");
    private static final Pattern CONSULTATION_WRITES = Pattern.compile("/api/v1/consultations(/[^/]+/progress)?/?");
    private static final Pattern COMMUNICATION_WRITES =
            Pattern.compile("/api/v1/(alerts/[^/]+/communications|communications/[^/]+/(edit|approve|withdraw))/?");

    /** A POST that unit members and admins may make; which record and in whose name the endpoint decides. */
    private record UnitWrite(Pattern path, String allowed, String readOnly) {
    }

    private static final List<UnitWrite> UNIT_WRITES = List.of(
            new UnitWrite(ALERT_ACTIONS, "unit members and admins act on alerts",
                    "alerts but not act on them (unit members and admins may)"),
            new UnitWrite(DISPOSAL_ACTIONS, "unit members and admins act on 核查处置 cases",
                    "核查处置 cases but not act on them (unit members and admins may)"),
            new UnitWrite(CONSULTATION_WRITES, "the food-safety office records 会商; a decision's unit reports on it",
                    "会商 records but not write them (the office and unit members may)"),
            new UnitWrite(COMMUNICATION_WRITES, "units draft and edit 消费提示; the office approves",
                    "risk communications but not write them (the office and unit members may)"));

    private final boolean metricsPublic;

    public AccessRules(boolean metricsPublic) {
        this.metricsPublic = metricsPublic;
    }

    /**
     * @param method the HTTP method
     * @param path   the request path (no query)
     * @param user   the signed-in user, or null
     */
    public Decision decide(String method, String path, User user) {
        boolean read = READS.contains(method);
        // A path that climbs ("..") or doubles slashes is never treated as a public one.
        boolean plainPath = !path.contains("..") && !path.contains("//") && !path.contains("\\");
        if (plainPath && read && isPublicRead(path)) {
            return new Decision(Verdict.PUBLIC, "public");
        }
        if (plainPath && path.equals(SESSION)) {
            return new Decision(Verdict.PUBLIC, "sign-in, sign-out and who am I");
        }
        if ("POST".equals(method) && IngestController.PATHS.contains(path)) {
            return new Decision(Verdict.PUBLIC, "ingestion: checked against the publishers' tokens");
        }
        if (user == null) {
            return new Decision(Verdict.UNAUTHENTICATED, "sign in first: POST /api/v1/session with {\"token\": …}, "
                    + "or send an Authorization: Bearer <token> header");
        }
        if (read) {
            return new Decision(Verdict.ALLOWED, "any signed-in user may read");
        }
        for (UnitWrite rule : UNIT_WRITES) {
            if ("POST".equals(method) && rule.path().matcher(path).matches()) {
                return user.mayActOnAlerts() ? new Decision(Verdict.ALLOWED, rule.allowed())
                        : new Decision(Verdict.FORBIDDEN, "role " + user.role().word() + " may read " + rule.readOnly());
            }
        }
        return new Decision(Verdict.FORBIDDEN, "no rule allows " + method + " " + path);
    }

    private boolean isPublicRead(String path) {
        if (path.equals("/") || API_DOCS_REDIRECTS.contains(path)) {
            return true; // at most a redirect to the dashboard or its API documentation page
        }
        if (path.equals("/prometheus") || path.startsWith("/prometheus/")) {
            return metricsPublic;
        }
        for (String prefix : PUBLIC_READ_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
