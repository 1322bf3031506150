package dev.preflight.cli;

import dev.preflight.licensing.Licensing;
import dev.preflight.licensing.OfficialTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code preflight licenses}: what Microsoft's licensing table (as shipped) knows, and how Preflight reads it. */
@Command(name = "licenses", mixinStandardHelpOptions = true,
        description = "List the license products Microsoft's licensing table knows (skuPartNumber, skuId, name), whether "
                + "each includes an Exchange Online mailbox plan, and whether the license rules name it as supported.")
final class LicensesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--find", paramLabel = "TEXT", description = "Only products whose part number, skuId or name contains TEXT.")
    String find;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<OfficialTable.Product> products = OfficialTable.get().products().stream()
                .sorted(Comparator.comparing(OfficialTable.Product::skuPartNumber, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(OfficialTable.Product::skuId))
                .filter(p -> find == null || matches(p, find.toLowerCase(Locale.ROOT)))
                .toList();
        out.println("Microsoft's licensing table of " + OfficialTable.DATE + ": " + OfficialTable.get().products().size()
                + " products" + (find == null ? "" : ", " + products.size() + " matching '" + find + "'"));
        out.println("skuPartNumber\tskuId\tExchange Online mailbox plan\tsupported by the license rules\tproduct");
        for (OfficialTable.Product p : products) {
            List<String> plans = p.mailboxPlans().stream().map(OfficialTable.Plan::name).distinct().toList();
            Licensing.Product rule = Licensing.known().get(p.skuId());
            out.println(p.skuPartNumber() + "\t" + p.skuId() + "\t" + (plans.isEmpty() ? "none" : String.join(" ", plans)) + "\t"
                    + (rule != null && rule.namedBySource() ? "yes" : "no") + "\t" + p.name());
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }

    private static boolean matches(OfficialTable.Product p, String q) {
        return p.skuPartNumber().toLowerCase(Locale.ROOT).contains(q) || p.skuId().contains(q) || p.name().toLowerCase(Locale.ROOT).contains(q);
    }
}
