package dev.preflight.apps;

import dev.preflight.model.Group;
import dev.preflight.model.Operation;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Resolves the -Members of planned cmdlets against users (UPN, mail) and groups (mail), case-insensitively. */
public final class MemberAddresses {
    private MemberAddresses() {
    }

    public static List<MemberAddress> of(Snapshot s) {
        Map<String, String> kinds = new HashMap<>();
        for (User u : s.users()) {
            if (u.upn() != null) kinds.put(u.upn().toLowerCase(Locale.ROOT), "user");
            if (u.mail() != null) kinds.put(u.mail().toLowerCase(Locale.ROOT), "user");
        }
        for (Group g : s.groups()) if (g.mail() != null) kinds.put(g.mail().toLowerCase(Locale.ROOT), "group");
        List<MemberAddress> out = new ArrayList<>();
        for (Operation op : s.operations()) {
            List<String> members = new ArrayList<>();
            if (op.parameters().members() != null) members.addAll(op.parameters().members());
            for (String m : members) {
                if (m == null) continue;
                out.add(new MemberAddress(op.id(), m, kinds.get(m.strip().toLowerCase(Locale.ROOT)), op.location()));
            }
        }
        return out;
    }
}
