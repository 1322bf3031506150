package dev.preflight.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The PowerShell subset of deploy scripts, read exactly: each step and each part not understood, with its place. */
class PowerShellPlanTest {

    /** One line per step ("line:col cmdlet Param=value ...") and per gap ("line:col GAP reason"). */
    static List<String> read(String script) {
        Plan p = PowerShellPlan.read("deploy.ps1", script);
        List<String> out = new ArrayList<>();
        for (PlanStep s : p.steps()) {
            StringBuilder b = new StringBuilder(s.location().line() + ":" + s.location().column() + " " + s.cmdlet());
            s.parameters().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            s.locations().forEach((k, v) -> {
                if (k.equals("Members")) b.append(" @").append(v.stream().map(l -> l.line() + ":" + l.column()).toList());
            });
            out.add(b.toString());
        }
        for (PlanGap g : p.gaps()) out.add(g.location().line() + ":" + g.location().column() + " GAP " + g.reason());
        return out;
    }

    @Test
    void splattingAHashtableOfLiterals() {
        assertEquals(List.of("6:1 Set-OrganizationAddInAssignments ProductId=6a75788e-1c6b-4e9b-b5db-5975a2072122 Add=true Members=[sandra@contoso.com] @[4:19]"),
                read("""
                        $params = @{
                            ProductId = '6a75788e-1c6b-4e9b-b5db-5975a2072122'
                            Add       = $true
                            Members   = @('sandra@contoso.com')
                        }
                        Set-OrganizationAddInAssignments @params
                        """));
    }
}
