package org.foodrisk.evaluation;

/** Where an injected outbreak shows. */
public enum OutbreakMode {
    /** In every stream of its district (illness, then complaints, then opinion, each with its lag and size). */
    MULTI_STREAM,
    /** In one stream only (streams take turns), as in single-series simulation studies. */
    SINGLE_STREAM
}
