package dev.preflight.collect;

import java.io.IOException;

/** Follows one listing's {@code @odata.nextLink} to the end, one GET per page, each page written as it arrives. */
final class Pager {
    private final Caller caller;
    private final ExportStore store;

    Pager(Caller caller, ExportStore store) {
        this.caller = caller;
        this.store = store;
    }

    CallRecord collect(Listing l, Stats stats) throws IOException, InterruptedException, TokenProvider.AuthException {
        Listing.State s = l.resume(store);
        if (s.done() != null) {
            stats.pages += s.pagesWritten();
            return s.done();
        }
        int page = s.pagesWritten();
        stats.pages += page;
        String url = s.next();
        while (true) {
            page++;
            Response r;
            try {
                r = caller.get(url, stats);
            } catch (Caller.Unreachable e) {
                return CallRecord.unreachable(l, page - 1, "unreachable");
            }
            store.write(l.file(page), "GET " + url, r.status(), r.body());
            if (r.status() >= 400) return CallRecord.of(l, page, r.status(), r.body());
            stats.page(Listing.items(r.body()));
            String next = l.single() ? null : Listing.nextLink(r.body());
            if (next == null) return CallRecord.of(l, page, r.status(), r.body());
            url = next;
        }
    }
}
