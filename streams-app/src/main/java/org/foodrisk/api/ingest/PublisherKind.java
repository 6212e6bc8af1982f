package org.foodrisk.api.ingest;

import org.foodrisk.ingest.InputTopic;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What kind of publisher a credential belongs to, and which inputs that kind may publish. */
public enum PublisherKind {
    /** A testing laboratory: sampling results with its own labCode. */
    LAB(EnumSet.of(InputTopic.SAMPLING_RESULTS)),
    /** A hospital or sentinel: illness reports with its own reportingUnit. */
    HOSPITAL(EnumSet.of(InputTopic.ILLNESS_REPORTS)),
    /** A complaints hotline (12315 / 12345): complaints. */
    HOTLINE(EnumSet.of(InputTopic.COMPLAINTS)),
    /** A public-opinion monitoring service: opinion signals. */
    OPINION(EnumSet.of(InputTopic.OPINION_SIGNALS)),
    /** The 食安办 itself: every input, under any identity. */
    ADMIN(EnumSet.allOf(InputTopic.class));

    private final Set<InputTopic> inputs;

    PublisherKind(Set<InputTopic> inputs) {
        this.inputs = inputs;
    }

    public boolean mayPublish(InputTopic input) {
        return inputs.contains(input);
    }

    public static PublisherKind parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("kind is missing (lab | hospital | hotline | opinion | admin)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + text + "' (lab | hospital | hotline | opinion | admin)");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
