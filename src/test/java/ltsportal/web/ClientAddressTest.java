package ltsportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        assertEquals("198.51.100.1", ClientAddress.DIRECT.resolve("198.51.100.1", "203.0.113.5"));
        var proxies = ClientAddress.trusting("10.0.0.0/8, 192.0.2.1");
        assertEquals("198.51.100.1", proxies.resolve("198.51.100.1", "203.0.113.5"), "an untrusted peer cannot pick its address");
        assertEquals("203.0.113.5", proxies.resolve("192.0.2.1", "203.0.113.5"));
        assertEquals("203.0.113.5", proxies.resolve("10.1.2.3", "203.0.113.5"));
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotAProxy() {
        var proxies = ClientAddress.trusting("10.0.0.0/8");
        assertEquals("203.0.113.5", proxies.resolve("10.0.0.1", "1.2.3.4, 203.0.113.5, 10.9.9.9"),
                "what the client wrote itself (1.2.3.4) is to the left of what our proxies saw");
        assertEquals("10.0.0.1", proxies.resolve("10.0.0.1", "10.1.1.1, 10.2.2.2"), "only proxies: the peer");
        assertEquals("10.0.0.1", proxies.resolve("10.0.0.1", "evil.example, 10.2.2.2"), "not an address: not believed");
        assertEquals("10.0.0.1", proxies.resolve("10.0.0.1", "999.1.1.1"), "not an address, and never looked up");
        assertEquals("2001:db8::1", proxies.resolve("10.0.0.1", "2001:DB8::1"));
    }

    @Test
    void ipv6RangesAndSingleAddresses() {
        var proxies = ClientAddress.trusting("2001:db8::/32,::1");
        assertEquals("203.0.113.5", proxies.resolve("2001:db8:0:1::7", "203.0.113.5"));
        assertEquals("203.0.113.5", proxies.resolve("0:0:0:0:0:0:0:1", "203.0.113.5"));
        assertEquals("2001:db9::1", proxies.resolve("2001:db9::1", "203.0.113.5"));
        assertEquals("203.0.113.5", proxies.resolve("[0:0:0:0:0:0:0:1]", "203.0.113.5"), "Jetty's bracketed IPv6 peer");
        assertEquals("0:0:0:0:0:0:0:1", ClientAddress.DIRECT.resolve("[0:0:0:0:0:0:0:1]", null));
    }

    @Test
    void aBadProxyEntryStopsTheStartWithItsName() {
        var e = assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/8, proxy.internal"));
        assertTrue(e.getMessage().contains("proxy.internal"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("300.0.0.1"));
    }
}
