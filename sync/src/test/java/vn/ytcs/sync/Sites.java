// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.site.SiteKeys;

/** A site for tests: a real data folder with its database and keys. */
final class Sites implements AutoCloseable {

    final Store store;
    final SiteKeys keys;
    /** The sync service, as the window and the command line use it. */
    final SyncService importer;

    /** The edit service, as the window and the command line use it. */
    final vn.ytcs.core.service.RegisterService register;

    Sites(Path dir, String name, SiteRole role) {
        this(dir, name, role, java.time.Clock.systemUTC());
    }

    /** A site whose computer clock is the one given (drifting, put back…). */
    Sites(Path dir, String name, SiteRole role, java.time.Clock wall) {
        this.store = Store.open(dir, wall);
        this.keys = SiteKeys.loadOrCreate(store, name, role);
        this.importer = new SyncService(store, keys, name);
        this.register = new vn.ytcs.core.service.RegisterService(store, name);
    }

    /** Every synced record, sorted, without local bookkeeping: equal dumps mean equal registers. */
    List<String> dump() {
        List<String> out = new ArrayList<>();
        store.sync().changesSince(0, s -> out.add(s.kind() + " " + s.id() + " owner=" + s.owner() + " deleted=" + s.deleted()
                + " " + new java.util.TreeMap<>(s.fields()) + " " + new java.util.TreeMap<>(s.fieldVersions())));
        out.sort(null);
        return out;
    }

    @Override
    public void close() {
        store.close();
    }
}
