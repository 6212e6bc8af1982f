package org.foodrisk.it.security;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * The ACLs the service's Kafka user needs, and no more (README, "A secured cluster"):
 * <ul>
 *   <li>topics prefixed {@code foodrisk.} (the catalogue): create and check them (CREATE, DESCRIBE,
 *       DESCRIBE_CONFIGS), read and write them;</li>
 *   <li>topics, consumer groups and transactional ids prefixed by its {@code application.id}
 *       (Kafka Streams' internal topics, its group, its exactly-once transactions): the same on
 *       topics plus DELETE (Kafka Streams purges consumed repartition records), READ on the group,
 *       WRITE and DESCRIBE on the transactional ids.</li>
 * </ul>
 */
final class ServiceAcls {

    private ServiceAcls() {
    }

    static List<AclBinding> forService(String user, String applicationId, String extraGroupPrefix) {
        List<AclBinding> acls = new ArrayList<>();
        for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.READ, AclOperation.WRITE)) {
            acls.add(allow(user, ResourceType.TOPIC, "foodrisk.", operation));
            acls.add(allow(user, ResourceType.TOPIC, applicationId, operation));
        }
        acls.add(allow(user, ResourceType.TOPIC, applicationId, AclOperation.DELETE));
        acls.add(allow(user, ResourceType.GROUP, applicationId, AclOperation.READ));
        acls.add(allow(user, ResourceType.GROUP, extraGroupPrefix, AclOperation.READ));
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId, AclOperation.WRITE));
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId, AclOperation.DESCRIBE));
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String prefix, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
