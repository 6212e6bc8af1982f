package org.foodrisk.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.HexFormat;
import org.foodrisk.api.access.HashedCredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials and who may publish what. */
class IngestPolicyTest {

    static Publisher publisher(String name, String kind, String labCode, String unit, String token) {
        PublisherConfig config = new PublisherConfig(name);
        config.setKind(kind);
        config.setLabCode(labCode);
        config.setReportingUnit(unit);
        config.setTokenSha256(HexFormat.of().formatHex(HashedCredentials.sha256(token)));
        return Publisher.of(config);
    }

    private final Publisher lab = publisher("lab1", "lab", "TJFS001", null, "t-lab");
    private final Publisher hospital = publisher("h1", "hospital", null, "蓟州区人民医院", "t-hospital");
    private final Publisher hotline = publisher("q1", "hotline", null, null, "t-hotline");
    private final Publisher opinion = publisher("o1", "opinion", null, null, "t-opinion");
    private final Publisher admin = publisher("a1", "ADMIN", null, null, "t-admin");

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void eachKindPublishesOnlyItsInputsAndAdminAll() {
        for (InputTopic input : InputTopic.values()) {
            assertEquals(input == InputTopic.SAMPLING_RESULTS, IngestPolicy.refuseInput(lab, input) == null, input + " by lab");
            assertEquals(input == InputTopic.ILLNESS_REPORTS, IngestPolicy.refuseInput(hospital, input) == null, input + " by hospital");
            assertEquals(input == InputTopic.COMPLAINTS, IngestPolicy.refuseInput(hotline, input) == null, input + " by hotline");
            assertEquals(input == InputTopic.OPINION_SIGNALS, IngestPolicy.refuseInput(opinion, input) == null, input + " by opinion");
            assertNull(IngestPolicy.refuseInput(admin, input), input + " by admin");
        }
        assertEquals("a lab credential may not publish illness-reports",
                IngestPolicy.refuseInput(lab, InputTopic.ILLNESS_REPORTS));
    }

    @Test
    void aLabPublishesOnlyItsOwnLabCode() throws Exception {
        assertNull(IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, json("{\"labCode\":\"TJFS001\"}")));
        assertNull(IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, json("{\"labCode\":\" TJFS001 \"}")),
                "intake trims, so does the check");
        String refused = IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, json("{\"labCode\":\"TJFS002\"}"));
        assertNotNull(refused);
        assertTrue(refused.startsWith("$.labCode: lab TJFS001 may publish only"), refused);
        assertNotNull(IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, json("{\"labCode\":\"tjfs001\"}")),
                "codes are compared exactly");
        assertNotNull(IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, json("{\"labCode\":1}")));
        assertNull(IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, json("{\"sampleId\":\"S\"}")),
                "no labCode: intake refuses it as invalid, not as forbidden");
        assertNull(IngestPolicy.refuseIdentity(lab, InputTopic.SAMPLING_RESULTS, null), "unparseable record");
    }

    @Test
    void aHospitalPublishesOnlyItsOwnReportingUnitAndAdminAnyIdentity() throws Exception {
        assertNull(IngestPolicy.refuseIdentity(hospital, InputTopic.ILLNESS_REPORTS, json("{\"reportingUnit\":\"蓟州区人民医院\"}")));
        assertNotNull(IngestPolicy.refuseIdentity(hospital, InputTopic.ILLNESS_REPORTS, json("{\"reportingUnit\":\"武清区人民医院\"}")));
        assertNull(IngestPolicy.refuseIdentity(admin, InputTopic.SAMPLING_RESULTS, json("{\"labCode\":\"ANY\"}")));
        assertNull(IngestPolicy.refuseIdentity(admin, InputTopic.ILLNESS_REPORTS, json("{\"reportingUnit\":\"任意医院\"}")));
        assertNull(IngestPolicy.refuseIdentity(hotline, InputTopic.COMPLAINTS, json("{\"complaintId\":\"Q\"}")));
    }

    @Test
    void tokensAreCheckedByTheirHashOnly() {
        Publishers publishers = Publishers.of(List.of(lab, hospital, admin));
        assertEquals(Optional.of(lab), publishers.authenticate("Bearer t-lab"));
        assertEquals(Optional.of(hospital), publishers.authenticate("bearer   t-hospital "));
        assertEquals(Optional.of(admin), publishers.authenticate("Bearer t-admin"));
        assertEquals(Optional.empty(), publishers.authenticate(null));
        assertEquals(Optional.empty(), publishers.authenticate(""));
        assertEquals(Optional.empty(), publishers.authenticate("Bearer "));
        assertEquals(Optional.empty(), publishers.authenticate("Bearer t-lab2"));
        assertEquals(Optional.empty(), publishers.authenticate("Basic dC1sYWI="));
        assertEquals(Optional.empty(), publishers.authenticate("t-lab"), "the scheme is required");
        assertEquals(Optional.empty(), publishers.authenticate("Bearer " + HexFormat.of().formatHex(lab.tokenSha256())),
                "the hash itself is not a token");
    }

    @Test
    void aDemoCredentialCountsOnlyOnTheEmbeddedBroker() {
        PublisherConfig demo = new PublisherConfig("demo-lab");
        demo.setKind("lab");
        demo.setLabCode("TJFS001");
        demo.setTokenSha256("b116f2db22f9983cd4ab929cc6b7c0ba1f686ecb1b189c52a90bd6945438fdde");
        demo.setDemoOnly(true);
        PublisherConfig real = new PublisherConfig("real");
        real.setKind("admin");
        real.setTokenSha256(HexFormat.of().formatHex(HashedCredentials.sha256("real-token")));
        Publishers embedded = Publishers.of(Publishers.configured(List.of(demo, real), true));
        assertEquals("demo-lab", embedded.authenticate("Bearer demo-lab-TJFS001").orElseThrow().name(),
                "the documented demo token matches the demo hash");
        Publishers cluster = Publishers.of(Publishers.configured(List.of(demo, real), false));
        assertEquals(Optional.empty(), cluster.authenticate("Bearer demo-lab-TJFS001"));
        assertEquals("real", cluster.authenticate("Bearer real-token").orElseThrow().name());
    }

    @Test
    void aBrokenCredentialStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> publisher("x", "lab", null, null, "t"), "lab without lab-code");
        assertThrows(IllegalStateException.class, () -> publisher("x", "hospital", null, null, "t"), "hospital without unit");
        assertThrows(IllegalStateException.class, () -> publisher("x", "robot", null, null, "t"), "unknown kind");
        PublisherConfig plainToken = new PublisherConfig("x");
        plainToken.setKind("admin");
        plainToken.setTokenSha256("demo-lab-TJFS001");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Publisher.of(plainToken));
        assertTrue(e.getMessage().contains("foodrisk.publishers.x.token-sha256"), e.getMessage());
        assertTrue(!e.getMessage().contains("demo-lab-TJFS001"), "the configured value is not echoed");
    }
}
