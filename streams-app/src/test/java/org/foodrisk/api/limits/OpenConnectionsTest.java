package org.foodrisk.api.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenConnectionsTest {

    private final InetAddress a = InetAddress.getLoopbackAddress();
    private final InetAddress b = address("127.0.0.2");

    @Test
    void anAddressHoldsAtMostItsShareAndGetsItBackWhenOneCloses() {
        OpenConnections connections = new OpenConnections(100, 3);
        assertTrue(connections.tryOpen(a));
        assertTrue(connections.tryOpen(a));
        assertTrue(connections.tryOpen(a));
        assertFalse(connections.tryOpen(a), "the fourth from one address");
        assertTrue(connections.tryOpen(b), "another address is not affected");
        connections.closed(a);
        assertTrue(connections.tryOpen(a), "a closed connection frees its place");
        assertEquals(3, connections.openFrom(a));
        assertEquals(4, connections.open());
    }

    @Test
    void theTotalBoundsEveryAddressTogether() {
        OpenConnections connections = new OpenConnections(2, 10);
        assertTrue(connections.tryOpen(a));
        assertTrue(connections.tryOpen(b));
        assertFalse(connections.tryOpen(address("127.0.0.3")));
        assertEquals(2, connections.open(), "a refused connection is not counted");
        connections.closed(b);
        assertTrue(connections.tryOpen(address("127.0.0.3")));
    }

    @Test
    void anAddressIsForgottenWithItsLastConnection() {
        OpenConnections connections = new OpenConnections(10, 10);
        connections.tryOpen(a);
        connections.closed(a);
        assertEquals(0, connections.openFrom(a));
        assertEquals(0, connections.open());
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
