package org.foodrisk.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The topic catalogue, read from the classpath resource {@value #RESOURCE}.
 *
 * <p>The catalogue is data so that operators review partitions, retention and schemas in one
 * file, and the provisioner, the validator and the app all read the same answer.
 */
public final class TopicCatalogue {

    /** Classpath location of the catalogue. */
    public static final String RESOURCE = "foodrisk/topics.json";

    /** The file's shape; {@code comment} lets the file explain its choices to its readers. */
    private record CatalogueFile(List<String> comment, List<TopicSpec> topics) {
    }

    private static final class Loaded {
        // Read once: the resource is part of the jar and cannot change while the JVM runs.
        static final List<TopicSpec> TOPICS = read();
    }

    private TopicCatalogue() {
    }

    /** Every topic of the catalogue, in catalogue order. */
    public static List<TopicSpec> load() {
        return Loaded.TOPICS;
    }

    /**
     * The spec of one topic.
     *
     * @throws IllegalArgumentException when the catalogue has no such topic
     */
    public static TopicSpec spec(String name) {
        return load().stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("topic not in the catalogue: " + name));
    }

    private static List<TopicSpec> read() {
        // Unknown fields fail the load: a misspelt "retentionMS" must not silently fall back
        // to a default and lose replayable history.
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        try (InputStream in = TopicCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("topic catalogue not found on the classpath: " + RESOURCE);
            }
            List<TopicSpec> topics = List.copyOf(mapper.readValue(in, CatalogueFile.class).topics());
            requireUniqueNames(topics);
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic catalogue " + RESOURCE, e);
        }
    }

    private static void requireUniqueNames(List<TopicSpec> topics) {
        Set<String> seen = new HashSet<>();
        for (TopicSpec spec : topics) {
            if (!seen.add(spec.name())) {
                throw new IllegalStateException("topic listed twice in " + RESOURCE + ": " + spec.name());
            }
        }
    }
}
