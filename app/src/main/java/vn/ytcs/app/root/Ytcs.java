// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.root;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ytcs.app.log.LogFile;
import vn.ytcs.core.service.CatalogService;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.service.ScoringService;
import vn.ytcs.core.store.Store;
import vn.ytcs.sync.SyncService;

/**
 * The composition root: builds the store, its clock, the catalogs and the services of one data
 * folder, once. The command line and the window both take it; nothing else constructs a service.
 */
public final class Ytcs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ytcs.class);

    private final Store store;
    private final RegisterService register;
    private final ScoringService scoring;
    private final CatalogService catalogs;
    private final String actor;
    private SyncService sync;

    private Ytcs(Store store, String actor, CatalogService.InForce catalogs) {
        this.store = store;
        this.actor = actor;
        this.register = new RegisterService(store, actor, catalogs);
        this.scoring = new ScoringService(store, catalogs, register);
        this.catalogs = new CatalogService(store, actor, catalogs);
    }

    /** Opens the data folder (blocking: repairs and migrations happen here) and builds the services. */
    public static Ytcs open(Path dataDir) {
        return open(dataDir, null);
    }

    /**
     * Opens the data folder with the audit recording {@code actor} as the one who changes things;
     * null: the user name set in this site's settings, else the operating-system user.
     */
    public static Ytcs open(Path dataDir, String actor) {
        LogFile.writeTo(dataDir);
        // The catalogs in force: per id the newest revision this site holds, else the shipped one;
        // read the first time something scores or checks an answer, again after a revision arrives.
        CatalogService.InForce catalogs = new CatalogService.InForce();
        Store store = Store.open(dataDir, catalogs);
        catalogs.bind(store);
        String who = actor != null ? actor
                : new RegisterService(store, actor(), catalogs).userName().orElseGet(Ytcs::actor);
        Ytcs ytcs = new Ytcs(store, who, catalogs);
        LOG.info("Store open at {}: site {}", dataDir.toAbsolutePath(), ytcs.register().localSite().id());
        return ytcs;
    }

    /** The data folder: the one chosen (--data-dir), else YTCS_DATA_DIR, else the user's own. */
    public static Path dataDir(Path chosen) {
        return vn.ytcs.core.store.DataDirectory.resolve(chosen);
    }

    /** Who is recorded in the audit when this site's settings name nobody: the operating-system user. */
    public static String actor() {
        return System.getProperty("user.name", "ytcs");
    }

    /**
     * The one worker thread the window runs database and file work on: one at a time, so that
     * nothing the user started overtakes what came before.
     */
    public static ExecutorService backgroundExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ytcs-store");
            t.setDaemon(true);
            return t;
        });
    }

    public RegisterService register() {
        return register;
    }

    public ScoringService scoring() {
        return scoring;
    }

    /** Official unit lists taken in: a real office's own units, without the demo. */
    public vn.ytcs.core.service.UnitImport unitImport() {
        return new vn.ytcs.core.service.UnitImport(store, actor);
    }

    /**
     * The reorganisation a package's preview says it brings (new units formed from communes held
     * here), each new unit previewed by the same rule as a mapping file's; empty when it brings none.
     */
    public static java.util.List<vn.ytcs.core.service.Reorganisation.NewUnit> arrivingReorganisation(
            vn.ytcs.core.service.Reorganisation r, vn.ytcs.sync.pack.PackageImporter.Result preview) {
        if (preview.arriving().isEmpty()) {
            return java.util.List.of(); // most packages: no reorganisation, and no query for one
        }
        return r.arriving(preview.arriving().stream().map(a -> new vn.ytcs.core.service.Reorganisation.Arrival(a.code(),
                a.name(), vn.ytcs.core.unit.UnitType.valueOf(a.unitType()), a.from(), a.formedFrom())).toList());
    }

    /** Reorganisations of the units: a succession mapping verified, previewed, applied. */
    public vn.ytcs.core.service.Reorganisation reorganisation() {
        return new vn.ytcs.core.service.Reorganisation(store, actor);
    }

    /** The catalogs and their revisions: list, import, export, diff. */
    public CatalogService catalogs() {
        return catalogs;
    }

    /**
     * The sync service; built the first time it is asked for, as it loads (the first time creates)
     * this site's keys, which commands that only read the register do not need.
     */
    public synchronized SyncService sync() {
        if (sync == null) {
            sync = new SyncService(store, actor);
        }
        return sync;
    }

    @Override
    public void close() {
        store.close();
    }
}
