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
 * The HTML report's script, run in Node against a stand-in for the page (two groups of one finding each, the four
 * filters, the JSON block): presets from the address update every group's count, a rule filter opens its group and
 * draws its rows, and a malformed percent-escape (which used to throw and stop every filter) is taken as written. Skipped
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

    /**
     * A stand-in for the page: two groups (GRP-001 with one error, TEN-001 with one warning), the four filters and the
     * JSON block; prints the filters' values, the count shown, each group's label, whether it is hidden or open, and
     * the subjects of the rows drawn in it.
     */
    String run(String hash) throws Exception {
        String page = """
                function E(id){this.id=id;this.kids=[];this.dataset={};this.value='';this.textContent='';this.hidden=false;this._open=false;
                  this.className='';this.on={};this.parentNode=null;}
                E.prototype.append=function(){for(var i=0;i<arguments.length;i++){var a=arguments[i];
                  if(a&&a.frag)this.kids=this.kids.concat(a.kids);else this.kids.push(a);}};
                E.prototype.replaceChildren=function(){this.kids=[];this.append.apply(this,arguments);};
                E.prototype.addEventListener=function(t,f){this.on[t]=f;};
                E.prototype.querySelector=function(s){return this.parts[s];};
                E.prototype.querySelectorAll=function(){return [];};
                E.prototype.classList={contains:function(){return true;}};
                Object.defineProperty(E.prototype,'open',{get:function(){return this._open;},
                  set:function(v){var c=this._open!==v;this._open=v;if(c&&this.on.toggle)this.on.toggle();}});
                var els={};function el(id){if(id==='d-data')return null;return els[id]||(els[id]=new E(id));}
                el('f-data').textContent=JSON.stringify({severities:['error','warning','info'],
                  rules:[{id:'GRP-001',area:'GRP',title:'Nested',why:'',source:'',fix:'Add them'},{id:'TEN-001',area:'TEN',title:'Tenant',why:'',source:'',fix:null}],
                  findings:[[0,0,'Bert West Coast','user','Bert is nested',[],null,'a.yaml:1:1',null,null,0],
                            [1,1,'Fred','user','Fred',['e'],'own fix','a.yaml:2:1','export.json#/0',['ok','gina',null],1]]});
                var groups=[['GRP-001',0,0,1],['TEN-001',1,1,2]].map(function(g){
                  var d=new E('g-'+g[0]);d.dataset={rule:g[0],index:g[1],start:g[2],end:g[3]};
                  d.parts={'.count':new E(),'tbody':new E(),'.more':new E()};
                  var cell=el('rc-'+g[0]);cell.parentNode=new E();els[d.id]=d;return d;});
                global.document={getElementById:el,querySelectorAll:function(s){return s==='#findings details.group'?groups:[];},
                  createElement:function(t){var e=new E();e.tag=t;return e;},createDocumentFragment:function(){var f=new E();f.frag=true;return f;}};
                global.window={addEventListener:function(){}};
                global.location={hash:process.argv[2]};
                """ + HtmlRenderer.SCRIPT + """
                function subjects(d){return d.parts.tbody.kids.map(function(tr){return tr.kids[1].kids[0];});}
                console.log(JSON.stringify([el('f-sev').value,el('f-q').value,el('f-shown').textContent,
                  groups.map(function(d){return [d.parts['.count'].textContent,d.hidden,d.open,subjects(d)];})]));
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
    void presetsFromTheAddressFilterEveryGroup() throws Exception {
        assertEquals("[\"error\",\"\",\"1 of 2 shown\",[[\"1 of 1 finding\",false,false,[]],[\"0 of 1 finding\",true,false,[]]]]",
                run("#severity=error"));
        assertEquals("[\"\",\"west coast\",\"1 of 2 shown\",[[\"1 of 1 finding\",false,false,[]],[\"0 of 1 finding\",true,false,[]]]]",
                run("#q=west%20coast"));
        // no preset: the page's static counts stand and the data is not even parsed
        assertEquals("[\"\",\"\",\"\",[[\"\",false,false,[]],[\"\",false,false,[]]]]", run(""));
    }

    @Test
    void aRuleFilterOpensItsGroupAndDrawsItsRows() throws Exception {
        assertEquals("[\"\",\"\",\"1 of 2 shown\",[[\"0 of 1 finding\",true,false,[]],[\"1 of 1 finding\",false,true,[\"Fred\"]]]]",
                run("#rule=TEN-001"));
        // opening a group is the first use: every count is worked out (the same as the static ones), then its rows drawn
        assertEquals("[\"\",\"\",\"2 of 2 shown\",[[\"1 finding\",false,false,[]],[\"1 finding\",false,true,[\"Fred\"]]]]",
                run("#g-TEN-001"));
    }

    @Test
    void aMalformedEscapeIsTakenAsWrittenAndTheOtherFiltersStillWork() throws Exception {
        assertEquals("[\"warning\",\"%E0%A4%A\",\"0 of 2 shown\",[[\"0 of 1 finding\",true,false,[]],[\"0 of 1 finding\",true,false,[]]]]",
                run("#severity=warning&q=%E0%A4%A"));
        assertEquals("[\"error\",\"\",\"1 of 2 shown\",[[\"1 of 1 finding\",false,false,[]],[\"0 of 1 finding\",true,false,[]]]]",
                run("#q&severity=error"));
    }
}
