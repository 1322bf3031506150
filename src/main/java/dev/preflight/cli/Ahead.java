package dev.preflight.cli;

import dev.preflight.engine.RuleBase;
import dev.preflight.snapshot.SchemaCheck;
import dev.preflight.tables.Tables;

/**
 * Work a check is sure to need, started on other cores before the command line is even parsed: building the bundled
 * rule base, loading the snapshot schema and then the bundled tables (the schema is wanted first, while the snapshot
 * is read; the tables when its audiences are worked out). On a small snapshot these are most of the run, and they do
 * not depend on each other, so startup overlaps them instead of adding them up.
 */
public final class Ahead {
    private Ahead() {
    }

    /** Starts that work for {@code args}, a command line (only {@code check} needs it). */
    public static void start(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) return;
        RuleBase.startBundled();
        Thread schema = new Thread(() -> {
            try {
                SchemaCheck.shared();
            } catch (RuntimeException e) {
                // The check asks for it again and reports any problem there.
            }
            try {
                Tables.bundled();
            } catch (RuntimeException e) {
                // Likewise.
            }
        }, "preflight-schema");
        schema.setDaemon(true);
        schema.start();
    }
}
