package dev.preflight.apps;

import dev.preflight.model.Group;
import dev.preflight.model.Operation;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Resolves the -Members of planned cmdlets against users (UPN, mail) and groups (mail), case-insensitively. */
public final class MemberAddresses {
    private MemberAddresses() {
    }

    public static List<MemberAddress> of(Snapshot s) {
        // The addresses planned cmdlets name (few), then one pass over users and groups for just those.
        Map<String, String> kinds = new HashMap<>();
        Set<Integer> lengths = new HashSet<>();
        for (Operation op : s.operations()) {
            if (op.parameters().members() == null) continue;
            for (String m : op.parameters().members()) {
                if (m == null) continue;
                String key = m.strip().toLowerCase(Locale.ROOT);
                kinds.put(key, null);
                lengths.add(key.length());
            }
        }
        if (kinds.isEmpty()) return List.of();
        for (User u : s.users()) {
            note(kinds, lengths, u.upn(), "user");
            note(kinds, lengths, u.mail(), "user");
        }
        for (Group g : s.groups()) note(kinds, lengths, g.mail(), "group");
        List<MemberAddress> out = new ArrayList<>();
        for (Operation op : s.operations()) {
            if (op.parameters().members() == null) continue;
            List<String> members = op.parameters().members();
            for (int i = 0; i < members.size(); i++) {
                String m = members.get(i);
                if (m == null) continue;
                out.add(new MemberAddress(op.id(), m, kinds.get(m.strip().toLowerCase(Locale.ROOT)),
                        op.parameters().memberLocation(i, op.location())));
            }
        }
        return out;
    }

    /** Records {@code kind} for {@code address} if it is one of the wanted ones (later entries win, as before). */
    private static void note(Map<String, String> kinds, Set<Integer> lengths, String address, String kind) {
        if (address == null || !lengths.contains(address.length())) return;
        String key = address.toLowerCase(Locale.ROOT);
        if (kinds.containsKey(key)) kinds.put(key, kind);
    }
}
