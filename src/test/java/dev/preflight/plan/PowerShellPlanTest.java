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

    @Test
    void backtickContinuationArraysAndQuotes() {
        assertEquals(List.of("1:1 Set-OrganizationAddInAssignments ProductId=6a75788e-1c6b-4e9b-b5db-5975a2072122 Add=true"
                        + " Members=[KathyBonner@contoso.com, sales@contoso.com, max@contoso.com] @[3:14, 3:41, 4:7]"),
                read("""
                        Set-OrganizationAddInAssignments -ProductId 6a75788e-1c6b-4e9b-b5db-5975a2072122 `
                            -Add `
                            -Members 'KathyBonner@contoso.com', "sales@contoso.com",
                            @('max@contoso.com')
                        """));
    }

    @Test
    void unquotedArgumentsSwitchesBooleansAndColonValues() {
        assertEquals(List.of(
                        "1:1 New-OrganizationAddIn ManifestPath=C:\\Users\\Me\\Desktop\\taskpane.xml Locale=en-US",
                        "2:1 Set-OrganizationAddIn ProductId=6a75788e-1c6b-4e9b-b5db-5975a2072122 Enabled=false",
                        "3:1 Set-OrganizationAddInAssignments ProductId=6a75788e-1c6b-4e9b-b5db-5975a2072122 AssignToEveryone=true",
                        "3:107 Remove-OrganizationAddIn ProductId=6a75788e-1c6b-4e9b-b5db-5975a2072122"),
                read("""
                        New-OrganizationAddIn -ManifestPath C:\\Users\\Me\\Desktop\\taskpane.xml -Locale en-US   # from the share
                        set-organizationaddin -productid 6a75788e-1c6b-4e9b-b5db-5975a2072122 -Enabled:$false -Confirm:$false
                        Set-OrganizationAddInAssignments -ProductId 6a75788e-1c6b-4e9b-b5db-5975a2072122 -AssignToEveryone $TRUE; Remove-OrganizationAddIn -ProductId 6a75788e-1c6b-4e9b-b5db-5975a2072122
                        """));
    }

    @Test
    void commentsAreNotStatements() {
        assertEquals(List.of("4:1 Remove-OrganizationAddIn ProductId=x"),
                read("""
                        # Remove-OrganizationAddIn -ProductId commented-out
                        <# Set-OrganizationAddIn -ProductId y -Enabled $false
                        #>
                        Remove-OrganizationAddIn -ProductId 'x' <# inline #>
                        """));
    }

    @Test
    void whatIsNotUnderstoodIsListedAtItsLine() {
        assertEquals(List.of(
                        "1:1 GAP the value of $members is not a literal ('Get-Content ...' is an expression, not a literal), not checked",
                        "2:1 GAP a 'foreach' block (lines 2-5) is not understood (it runs Set-OrganizationAddInAssignments), not checked",
                        "6:1 GAP a pipeline is not understood (it runs Remove-OrganizationAddIn), not checked",
                        "7:1 GAP Set-OrganizationAddInAssignments: \"$user@contoso.com\" expands variables, so the operation is not checked",
                        "8:1 GAP Set-OrganizationAddInAssignments: $members is not a literal, so the operation is not checked",
                        "9:1 GAP 'Write-Host' is not one of the Centralized Deployment cmdlets a plan is made of, not checked",
                        "10:1 GAP Remove-OrganizationAddIn: -WhatIf changes nothing, so the operation is not checked",
                        "11:1 GAP Remove-OrganizationAddIn: positional argument 'x', so the operation is not checked",
                        "12:1 GAP Set-OrganizationAddIn: @nothing splats a variable the script does not set, so the operation is not checked"),
                read("""
                        $members = Get-Content .\\members.txt
                        foreach ($m in $members)
                        {
                            Set-OrganizationAddInAssignments -ProductId x -Add -Members $m
                        }
                        Get-OrganizationAddIn | Remove-OrganizationAddIn
                        Set-OrganizationAddInAssignments -ProductId x -Add -Members "$user@contoso.com"
                        Set-OrganizationAddInAssignments -ProductId x -Add -Members $members
                        Write-Host "done"
                        Remove-OrganizationAddIn -ProductId x -WhatIf
                        Remove-OrganizationAddIn x
                        Set-OrganizationAddIn @nothing
                        """));
    }
}
