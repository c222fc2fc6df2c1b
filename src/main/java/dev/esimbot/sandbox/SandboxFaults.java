package dev.esimbot.sandbox;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The faults switched on per customer; none unless an admin asked. */
@Component
@ConditionalOnSandbox
class SandboxFaults {

    private final Map<Long, Set<SandboxFault>> faults = new ConcurrentHashMap<>();

    void set(long customerId, Set<SandboxFault> wanted) {
        if (wanted.isEmpty()) {
            faults.remove(customerId);
        } else {
            faults.put(customerId, Set.copyOf(EnumSet.copyOf(wanted)));
        }
    }

    boolean has(long customerId, SandboxFault fault) {
        return faults.getOrDefault(customerId, Set.of()).contains(fault);
    }
}
