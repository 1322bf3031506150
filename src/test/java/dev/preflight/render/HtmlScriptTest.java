package dev.preflight.render;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML report's filter script, run in Node against a stand-in for the page (two rows, the four filters):
 * presets from the address, and a malformed percent-escape that used to throw and stop every filter. Skipped
 * where Node is not installed; {@link HtmlBrowserTest} runs the same address in Chromium.
 */
class HtmlScriptTest {
    static Path node;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findNode() {
        for (String c : List.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs")) {
            if (Files.isExecutable(Path.of(c))) node = Path.of(c);
        }
        Assumptions.assumeTrue(node != null, "Node not installed");
    }

    String run(String hash) throws Exception {
        String page = """
                var els={};function el(id){return els[id]||(els[id]={value:'',textContent:'',addEventListener:function(){}});}
                var rows=[{dataset:{severity:'error',area:'GRP',rule:'GRP-001'},textContent:'Bert West Coast',hidden:false},
                          {dataset:{severity:'warning',area:'TEN',rule:'TEN-001'},textContent:'Fred',hidden:false}];
                global.document={getElementById:el,querySelectorAll:function(s){return s==='details'?[]:rows;}};
                global.window={addEventListener:function(){}};
                global.location={hash:process.argv[2]};
                """ + HtmlRenderer.SCRIPT + """
                console.log(JSON.stringify([el('f-sev').value,el('f-q').value,el('f-shown').textContent,rows.map(function(r){return r.hidden;})]));
                """;
        Path js = tmp.resolve("page.js");
        Files.writeString(js, page, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(node.toString(), js.toString(), hash).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void presetsFromTheAddressFilter() throws Exception {
        assertEquals("[\"error\",\"\",\"1 of 2 shown\",[false,true]]", run("#severity=error"));
        assertEquals("[\"\",\"west coast\",\"1 of 2 shown\",[false,true]]", run("#q=west%20coast"));
    }

    @Test
    void aMalformedEscapeIsTakenAsWrittenAndTheOtherFiltersStillWork() throws Exception {
        assertEquals("[\"warning\",\"%E0%A4%A\",\"0 of 2 shown\",[true,true]]", run("#severity=warning&q=%E0%A4%A"));
        assertEquals("[\"error\",\"\",\"1 of 2 shown\",[false,true]]", run("#q&severity=error"));
    }
}
