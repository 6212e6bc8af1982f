package org.foodrisk.operations;

import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When an open transaction is hanging (KIP-664), on the case ExactlyOnceIT met on 2026-12-07: producer 7 left a
 * transaction open at epoch 1 on a changelog partition from offset 0, and its coordinator had completed the commit
 * (CompleteCommit, epoch 2) without writing that partition's marker.
 */
class HangingTransactionsTest {

    private static final TopicPartition CHANGELOG =
            new TopicPartition("foodrisk-eos-complaints-by-enterprise-store-changelog", 1);
    private static final HangingTransactions.Open OPEN = new HangingTransactions.Open(CHANGELOG, 7, 1, 0, 0);
    private static final Instant SEEN = Instant.parse("2026-12-07T09:12:20Z");
    private static final Duration AFTER = Duration.ofMinutes(1);
    private static final Instant LATER = SEEN.plus(AFTER);

    private static HangingTransactions.CoordinatorView coordinator(TransactionState state, int epoch,
                                                                   TopicPartition... partitions) {
        return new HangingTransactions.CoordinatorView(state, 7, epoch, Set.of(partitions));
    }

    @Test
    void aTransactionTheCoordinatorFinishedIsHanging() {
        assertTrue(HangingTransactions.hanging(OPEN, coordinator(TransactionState.COMPLETE_COMMIT, 2), SEEN, LATER, AFTER));
        assertTrue(HangingTransactions.hanging(OPEN, coordinator(TransactionState.COMPLETE_ABORT, 2), SEEN, LATER, AFTER));
        assertTrue(HangingTransactions.hanging(OPEN, coordinator(TransactionState.EMPTY, 2), SEEN, LATER, AFTER));
        assertTrue(HangingTransactions.hanging(OPEN, null, SEEN, LATER, AFTER), "no transaction of the producer listed");
    }

    @Test
    void aLaterTransactionOfTheSameProducerOrOneWithoutThePartitionMeansHanging() {
        assertTrue(HangingTransactions.hanging(OPEN, coordinator(TransactionState.ONGOING, 3, CHANGELOG),
                SEEN, LATER, AFTER), "the producer has moved on to a later epoch");
        assertTrue(HangingTransactions.hanging(OPEN, coordinator(TransactionState.ONGOING, 1,
                new TopicPartition("foodrisk-eos-alerts-store-changelog", 1)), SEEN, LATER, AFTER));
    }

    @Test
    void anOngoingOrPreparingTransactionIsTheCoordinatorsAndIsLeftAlone() {
        assertFalse(HangingTransactions.hanging(OPEN, coordinator(TransactionState.ONGOING, 1, CHANGELOG),
                SEEN, LATER, AFTER));
        assertFalse(HangingTransactions.hanging(OPEN, coordinator(TransactionState.PREPARE_COMMIT, 2, CHANGELOG),
                SEEN, LATER, AFTER));
        assertFalse(HangingTransactions.hanging(OPEN, coordinator(TransactionState.PREPARE_ABORT, 2, CHANGELOG),
                SEEN, LATER, AFTER));
    }

    @Test
    void nothingIsJudgedBeforeItHasBeenSeenOpenForTheWholeWait() {
        assertFalse(HangingTransactions.hanging(OPEN, coordinator(TransactionState.COMPLETE_COMMIT, 2),
                SEEN, LATER.minusSeconds(1), AFTER));
    }
}
