package dev.preflight.collect;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressTest {
    @Test
    void aTerminalGetsOneLinePerEndpointWithPagesEntitiesRequestsAndWaits() {
        StringWriter w = new StringWriter();
        Progress p = Progress.terminal(new PrintWriter(w));
        Stats s = new Stats("groups.members");
        s.request();
        s.request();
        s.page(999);
        s.page(3);
        s.throttled(Duration.ofSeconds(5));
        s.retried(Duration.ofMillis(1500));
        p.end("contoso.onmicrosoft.com", s);
        assertEquals("\rcontoso.onmicrosoft.com groups.members: 2 pages, 1002 entities, 2 requests, 1 throttled, "
                + "1 retried, waited 6.5 s\u001b[K\n", w.toString());
    }

    @Test
    void quietSaysNothing() {
        Stats s = new Stats("users");
        s.page(1);
        Progress.QUIET.show("t", s);
        Progress.QUIET.end("t", s);
        assertEquals("users: 1 pages, 1 entities, 0 requests", s.line());
    }
}
