package org.foodrisk.api.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRatesTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final InetAddress a = InetAddress.getLoopbackAddress();

    @Test
    void anAddressStartsAtMostItsRateInASecondAndAgainInTheNext() throws Exception {
        RequestRates rates = new RequestRates(3, millis::get);
        assertTrue(rates.tryStart(a));
        assertTrue(rates.tryStart(a));
        assertTrue(rates.tryStart(a));
        assertFalse(rates.tryStart(a));
        assertTrue(rates.tryStart(InetAddress.getByName("127.0.0.2")), "another address has its own");
        millis.addAndGet(1000);
        assertTrue(rates.tryStart(a), "a new second");
    }

    @Test
    void zeroMeansNoLimit() {
        RequestRates rates = new RequestRates(0, millis::get);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(rates.tryStart(a));
        }
    }
}
