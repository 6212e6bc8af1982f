package org.foodrisk.topology;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.foodrisk.detect.Detection;

/**
 * The detections of every detector, in the order they are merged on their way to alert state. The merge
 * nodes are named after the detector ("merge-detections-…"), and those names must stay as they are.
 */
record Detections(KStream<String, Detection> criticalHazard,
                  KStream<String, Detection> failureRate,
                  KStream<String, Detection> repeatOffender,
                  KStream<String, Detection> complaintRepeat,
                  KStream<String, Detection> illnessCluster,
                  KStream<String, Detection> illnessSpaceTime,
                  KStream<String, Detection> opinion,
                  KStream<String, Detection> fusion,
                  KStream<String, Detection> countAberrations,
                  KStream<String, Detection> syndromeAberrations,
                  KStream<String, Detection> planTargets,
                  KStream<String, Detection> foodHazardCluster,
                  KStream<String, Detection> restrictedPesticide) {

    KStream<String, Detection> merged() {
        return criticalHazard
                .merge(failureRate, Named.as("merge-detections-failure-rate"))
                .merge(repeatOffender, Named.as("merge-detections-repeat-offender"))
                .merge(complaintRepeat, Named.as("merge-detections-complaint-repeat"))
                .merge(illnessCluster, Named.as("merge-detections-illness-cluster"))
                .merge(illnessSpaceTime, Named.as("merge-detections-illness-spacetime"))
                .merge(opinion, Named.as("merge-detections-opinion"))
                .merge(fusion, Named.as("merge-detections-fusion"))
                .merge(countAberrations, Named.as("merge-detections-count-aberrations"))
                .merge(syndromeAberrations, Named.as("merge-detections-syndrome-aberrations"))
                .merge(planTargets, Named.as("merge-detections-plan-targets"))
                .merge(foodHazardCluster, Named.as("merge-detections-food-hazard-cluster"))
                .merge(restrictedPesticide, Named.as("merge-detections-restricted-pesticide"));
    }
}
