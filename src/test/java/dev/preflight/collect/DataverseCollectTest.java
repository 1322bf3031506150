package dev.preflight.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --dataverse}: the environment's tables listed page by page next to Graph. */
class DataverseCollectTest {
    @TempDir
    Path tmp;

    @Test
    void dataverseTablesAreListedWithTheirPageSize() throws Exception {
        try (ReplayServer replay = new ReplayServer()) {
            replay.tenant(Harness.CONTOSO, "unused", ReplayServer.devProxyMocks("/collect/replay/contoso.mocks.json",
                    "/collect/replay/contoso-dataverse.mocks.json"));
            Harness h = new Harness(replay);
            Collector c = new Collector(Collector.defaultHttp(), h.tokens, h.budget, Backoff.standard(), h.ticker,
                    Harness.CLOCK, Collector.Services.of(replay.graphBase(), replay.root()), Progress.QUIET);
            Collector.Result r = c.collect(Harness.CONTOSO, tmp);
            assertTrue(r.complete());
            Map<String, String> files = Harness.files(tmp, replay.root());
            assertEquals(List.of("dataverse/RetrieveVersion/page-0001.json", "dataverse/mailboxes/page-0001.json",
                            "dataverse/organizations/page-0001.json", "dataverse/roles/page-0001.json",
                            "dataverse/systemusers/page-0001.json", "dataverse/systemusers/page-0002.json",
                            "dataverse/teams/page-0001.json"),
                    files.keySet().stream().filter(f -> f.startsWith("dataverse/")).collect(Collectors.toList()));
            assertTrue(files.get("dataverse/systemusers/page-0002.json").contains(
                    "\"request\" : \"GET http://replay/api/data/v9.2/systemusers?$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E\""));
            List<ReplayServer.Req> dv = replay.log().stream().filter(q -> q.url().startsWith(ReplayServer.DATAVERSE)).toList();
            assertEquals(7, dv.size());
            for (ReplayServer.Req q : dv) assertEquals("odata.maxpagesize=5000", q.prefer(), q.url());
        }
    }
}
