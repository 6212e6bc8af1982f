package org.foodrisk.api.access;

import org.junit.jupiter.api.Test;

import static org.foodrisk.api.access.AccessRules.Verdict.ALLOWED;
import static org.foodrisk.api.access.AccessRules.Verdict.FORBIDDEN;
import static org.foodrisk.api.access.AccessRules.Verdict.PUBLIC;
import static org.foodrisk.api.access.AccessRules.Verdict.UNAUTHENTICATED;
import static org.foodrisk.api.access.AccessTestUsers.ADMIN;
import static org.foodrisk.api.access.AccessTestUsers.ANALYST;
import static org.foodrisk.api.access.AccessTestUsers.WUQING_MARKET;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may make which request: public paths, reads for any user, writes only by a rule. */
class AccessRulesTest {

    private final AccessRules rules = new AccessRules(true);

    private AccessRules.Verdict verdict(String method, String path, User user) {
        return rules.decide(method, path, user).verdict();
    }

    @Test
    void healthOpenApiDashboardFilesAndMetricsArePublicReads() {
        for (String path : new String[]{"/health", "/health/readiness", "/health/liveness", "/swagger/foodrisk-0.1.yml",
                "/dashboard", "/dashboard/", "/dashboard/index.html", "/dashboard/assets/echarts.min.js", "/prometheus", "/",
                "/swagger", "/swagger-ui", "/api-docs", "/dashboard/api-docs.html"}) {
            assertEquals(PUBLIC, verdict("GET", path, null), path);
        }
    }

    @Test
    void metricsNeedAUserWhenNotPublic() {
        AccessRules closed = new AccessRules(false);
        assertEquals(UNAUTHENTICATED, closed.decide("GET", "/prometheus", null).verdict());
        assertEquals(ALLOWED, closed.decide("GET", "/prometheus", ANALYST).verdict());
    }

    @Test
    void everyApiReadNeedsASignedInUserOfAnyRole() {
        for (String path : new String[]{"/api/v1/alerts", "/api/v1/alerts/ALT-1", "/api/v1/risk-matrix",
                "/api/v1/summaries/120114/2024-W19", "/api/v1/plan-tasks/x", "/api/v1/anything-added-later"}) {
            assertEquals(UNAUTHENTICATED, verdict("GET", path, null), path);
            assertEquals(ALLOWED, verdict("GET", path, ANALYST), path);
            assertEquals(ALLOWED, verdict("GET", path, WUQING_MARKET), path);
            assertEquals(ALLOWED, verdict("GET", path, ADMIN), path);
        }
    }

    @Test
    void onlyUnitMembersAndAdminsPostAlertActions() {
        String path = "/api/v1/alerts/ALT-120114-20240506-0001/actions";
        assertEquals(UNAUTHENTICATED, verdict("POST", path, null));
        assertEquals(FORBIDDEN, verdict("POST", path, ANALYST));
        assertEquals(ALLOWED, verdict("POST", path, WUQING_MARKET));
        assertEquals(ALLOWED, verdict("POST", path, ADMIN));
    }

    @Test
    void onlyUnitMembersAndAdminsPostDisposalActions() {
        String path = "/api/v1/disposal-cases/WQ-2024-0001/actions";
        assertEquals(UNAUTHENTICATED, verdict("POST", path, null));
        assertEquals(FORBIDDEN, verdict("POST", path, ANALYST));
        assertEquals(ALLOWED, verdict("POST", path, WUQING_MARKET));
        assertEquals(ALLOWED, verdict("POST", path, ADMIN));
        assertEquals(FORBIDDEN, verdict("POST", "/api/v1/disposal-cases/WQ-2024-0001", ADMIN), "only the actions path");
    }

    @Test
    void unitMembersAndAdminsMayPostConsultationsAndProgressTheControllerDecidesWhich() {
        for (String path : new String[] {"/api/v1/consultations", "/api/v1/consultations/120111-2026-W49-1/progress"}) {
            assertEquals(UNAUTHENTICATED, verdict("POST", path, null), path);
            assertEquals(FORBIDDEN, verdict("POST", path, ANALYST), path);
            assertEquals(ALLOWED, verdict("POST", path, WUQING_MARKET), path);
            assertEquals(ALLOWED, verdict("POST", path, ADMIN), path);
        }
        assertEquals(FORBIDDEN, verdict("POST", "/api/v1/consultations/120111-2026-W49-1", ADMIN), "not a record itself");
    }

    @Test
    void unitMembersAndAdminsMayDraftEditApproveAndWithdrawCommunicationsTheControllerDecidesWhich() {
        for (String path : new String[] {"/api/v1/alerts/ALT-1/communications", "/api/v1/communications/RC-1/edit",
                "/api/v1/communications/RC-1/approve", "/api/v1/communications/RC-1/withdraw"}) {
            assertEquals(UNAUTHENTICATED, verdict("POST", path, null), path);
            assertEquals(FORBIDDEN, verdict("POST", path, ANALYST), path);
            assertEquals(ALLOWED, verdict("POST", path, WUQING_MARKET), path);
            assertEquals(ALLOWED, verdict("POST", path, ADMIN), path);
        }
        assertEquals(FORBIDDEN, verdict("POST", "/api/v1/communications/RC-1/publish", ADMIN), "no such write");
    }

    @Test
    void anyOtherWriteIsDeniedByDefaultEvenToAdmins() {
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(FORBIDDEN, verdict(method, "/api/v1/alerts/ALT-1", ADMIN), method);
            assertEquals(FORBIDDEN, verdict(method, "/api/v1/plans", ADMIN), method);
            assertEquals(FORBIDDEN, verdict(method, "/loggers/root", ADMIN), method);
            assertEquals(UNAUTHENTICATED, verdict(method, "/api/v1/plans", null), method);
        }
        assertEquals(UNAUTHENTICATED, verdict("POST", "/dashboard/index.html", null), "public files are public to read only");
        assertEquals(FORBIDDEN, verdict("POST", "/health", ANALYST));
    }

    @Test
    void ingestionIsLeftToThePublishersTokens() {
        for (String path : new String[]{"/api/v1/sampling-results", "/api/v1/illness-reports", "/api/v1/complaints",
                "/api/v1/opinion-signals"}) {
            assertEquals(PUBLIC, verdict("POST", path, null), path);
            assertEquals(UNAUTHENTICATED, verdict("GET", path, null), "only the POST is the publishers' " + path);
        }
    }

    @Test
    void theSessionEndpointIsOpenSoThatOneCanSignIn() {
        for (String method : new String[]{"GET", "POST", "DELETE"}) {
            assertEquals(PUBLIC, verdict(method, "/api/v1/session", null), method);
        }
    }

    @Test
    void pathsThatClimbOutOfAPublicFolderAreNotPublic() {
        assertEquals(UNAUTHENTICATED, verdict("GET", "/dashboard/../api/v1/alerts", null));
        assertEquals(UNAUTHENTICATED, verdict("GET", "/health/..//api/v1/alerts", null));
        assertEquals(UNAUTHENTICATED, verdict("GET", "/swagger//../api/v1/alerts", null));
        assertEquals(UNAUTHENTICATED, verdict("GET", "/dashboardx", null), "a prefix is a folder, not a string prefix");
        assertEquals(UNAUTHENTICATED, verdict("GET", "/healthz", null));
    }
}
