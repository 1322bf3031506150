package dev.preflight.collect;

import java.io.PrintWriter;

/** Progress of a long collection: pages, entities, requests and throttling waits per endpoint. */
public interface Progress {

    void show(String tenant, Stats stats);

    void end(String tenant, Stats stats);

    Progress QUIET = new Progress() {
        @Override
        public void show(String tenant, Stats stats) {
        }

        @Override
        public void end(String tenant, Stats stats) {
        }
    };

    /** One line per endpoint, rewritten in place at most five times a second; for a terminal. */
    static Progress terminal(PrintWriter err) {
        return new Progress() {
            private long last;

            @Override
            public void show(String tenant, Stats stats) {
                long now = System.nanoTime();
                if (now - last < 200_000_000L) return;
                last = now;
                err.print("\r" + tenant + " " + stats.line() + "\u001b[K");
                err.flush();
            }

            @Override
            public void end(String tenant, Stats stats) {
                err.print("\r" + tenant + " " + stats.line() + "\u001b[K\n");
                err.flush();
            }
        };
    }
}
