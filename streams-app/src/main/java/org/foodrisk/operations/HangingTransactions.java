package org.foodrisk.operations;

import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which open transactions on a partition are hanging: left open on the partition while the transaction coordinator
 * no longer has them in progress — KIP-664's definition, what {@code kafka-transactions.sh find-hanging} reports.
 *
 * <p>Why the service looks: a read_committed reader cannot pass a hanging transaction's first offset, ever. Kafka
 * Streams restores a store by reading its changelog up to the log end with such a reader, so a task whose changelog
 * holds one never finishes restoring and the instance stays REBALANCING with nothing in its log (ExactlyOnceIT,
 * 2026-12-07: after the one broker was killed and restarted, its transaction coordinator completed a commit while
 * two changelog partitions had no leader yet and skipped their markers — Kafka 4.3.1's
 * {@code TransactionMarkerChannelManager} treats a partition without a leader as deleted).
 *
 * <p>A transaction is judged hanging only on the coordinator's word: no transaction of that producer id listed, or the
 * listed one finished ({@code CompleteCommit}, {@code CompleteAbort}, {@code Empty}), or in progress without this
 * partition or at a later producer epoch (a later transaction). One still preparing its commit or abort is the
 * coordinator's to finish and is left alone; so is any transaction seen open for less than {@code abortAfter}.
 */
final class HangingTransactions {

    /** A transaction open on a partition, as the partition leader describes its producers. */
    record Open(TopicPartition partition, long producerId, int producerEpoch, long firstOffset, int coordinatorEpoch) {
    }

    /** What the transaction coordinator says of the producer's current transaction. */
    record CoordinatorView(TransactionState state, long producerId, int producerEpoch, Set<TopicPartition> partitions) {
    }

    private HangingTransactions() {
    }

    /**
     * @param coordinator the coordinator's transaction of this producer id, or null when it lists none
     * @param openSince   when this service first saw the transaction open at this offset
     */
    static boolean hanging(Open open, CoordinatorView coordinator, Instant openSince, Instant now, Duration abortAfter) {
        if (Duration.between(openSince, now).compareTo(abortAfter) < 0) {
            return false;
        }
        if (coordinator == null) {
            return true;
        }
        return switch (coordinator.state()) {
            case COMPLETE_COMMIT, COMPLETE_ABORT, EMPTY -> true;
            case ONGOING -> coordinator.producerId() != open.producerId()
                    || coordinator.producerEpoch() > open.producerEpoch()
                    || !coordinator.partitions().contains(open.partition());
            default -> false; // preparing a commit or an abort, or a state this client does not know: the coordinator's
        };
    }
}
