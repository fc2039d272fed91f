package org.openmdms.export.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.export.entity.ExportTarget;

/** The folders chosen for the exports: stored, changed and removed (back to the setting's folder). */
class ExportTargetStoreIT {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
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
    void aTargetIsStoredChangedAndRemoved() {
        db.run(em -> new ExportTargetStore(em).add(new ExportTarget("billing-file", "/srv/billing", "ann", T0)));
        db.run(em -> new ExportTargetStore(em).find("billing-file").orElseThrow()
                .change("/srv/billing/in", "bob", T0.plusSeconds(60)));

        ExportTarget changed = db.inTransaction(em -> new ExportTargetStore(em).find("billing-file").orElseThrow());
        assertEquals("/srv/billing/in", changed.folder());
        assertEquals("bob", changed.changedBy());
        assertEquals(T0.plusSeconds(60), changed.changedAt());
        assertEquals(List.of("billing-file"), db.inTransaction(em -> new ExportTargetStore(em).all()).stream()
                .map(ExportTarget::exportName).toList());

        db.run(em -> {
            ExportTargetStore store = new ExportTargetStore(em);
            store.remove(store.find("billing-file").orElseThrow());
        });
        assertTrue(db.inTransaction(em -> new ExportTargetStore(em).find("billing-file")).isEmpty());
    }

    @Test
    void aFolderIsAPathOfAtMostTheColumnsLength() {
        assertThrows(IllegalArgumentException.class, () -> new ExportTarget("x", " ", "ann", T0));
        assertThrows(IllegalArgumentException.class, () -> new ExportTarget("x", "/" + "a".repeat(1000), "ann", T0));
    }
}
