package dev.preflight.cli;

import dev.preflight.model.Snapshot;
import dev.preflight.plan.Plan;
import dev.preflight.plan.PlanBinding;
import dev.preflight.plan.PlanReader;
import dev.preflight.snapshot.InputException;

import java.nio.file.Path;

/** {@code --plan FILE --as ADMIN}, shared by check and explain: the snapshot as if the plan ran. */
final class PlanOption {
    private PlanOption() {
    }

    /**
     * Reads {@code plan} and binds it to {@code snapshot}, run by {@code as} (or the plan's own {@code as}); an
     * admin the snapshot does not have is a usage error (IllegalArgumentException).
     */
    static PlanBinding.Result apply(Snapshot snapshot, Path plan, String as) throws InputException {
        Plan p = PlanReader.read(plan);
        String who = as != null ? as : p.as();
        String adminId = null;
        if (who != null) {
            adminId = PlanBinding.user(snapshot, who);
            if (adminId == null) {
                throw new IllegalArgumentException("--as '" + who + "': no user of the snapshot has that id, userPrincipalName or mail");
            }
        }
        return PlanBinding.bind(snapshot, p, adminId);
    }
}
