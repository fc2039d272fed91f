package org.openmdms.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.admin.entity.AppUser;
import org.openmdms.admin.entity.AuditEntry;
import org.openmdms.admin.entity.Role;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;

class AdminStoreIT {

    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void usersKeepTheirRolesAndCanBeDisabled() {
        db.run(em -> new UserStore(em).add(new AppUser("ann", "$2a$10$hash", EnumSet.of(Role.analyst, Role.auditor))));
        db.run(em -> new UserStore(em).find("ann").orElseThrow().disable());

        AppUser ann = db.inTransaction(em -> new UserStore(em).find("ann").orElseThrow());
        assertEquals(EnumSet.of(Role.analyst, Role.auditor), ann.roles());
        assertFalse(ann.enabled());
    }

    @Test
    void auditTrailIsReadNewestFirstAndFiltered() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        db.run(em -> {
            AuditStore audit = new AuditStore(em);
            for (int i = 0; i < 5; i++) {
                audit.append(new AuditEntry(t0.plusSeconds(i), "admin", "UPDATE", "METER", "M-" + (i % 2),
                        "{\"v\":" + i + "}", "{\"v\":" + (i + 1) + "}"));
            }
            audit.append(new AuditEntry(t0, "bob", "CREATE", "USER", "ann", null, "x".repeat(5000)));
        });

        Page<AuditEntry> meter0 = db.inTransaction(em -> new AuditStore(em).search(
                AuditQuery.of("METER", "M-0"), PageRequest.first(10)));
        Page<AuditEntry> bob = db.inTransaction(em -> new AuditStore(em).search(
                new AuditQuery(null, null, "bob", null, null), PageRequest.first(10)));

        assertEquals(3, meter0.total());
        assertEquals("{\"v\":4}", meter0.items().get(0).beforeState());
        assertEquals(4000, bob.items().get(0).afterState().length());
    }
}
