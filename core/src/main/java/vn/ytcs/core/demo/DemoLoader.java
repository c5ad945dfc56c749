// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.demo;

import java.time.LocalDate;
import java.util.List;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.store.StoreException;

/**
 * Loads the demo into an empty database, once: Hậu Giang before 1 July 2025 and the communes of
 * Cần Thơ it became (both worlds, as every office holds them now), or the old structure alone, to
 * rehearse applying the reorganisation.
 */
public final class DemoLoader {

    /** Meta key set when the demo is loaded; its value is the day it was. */
    public static final String META_KEY = "demo.loaded";
    /**
     * Meta key naming the unit codes the demo was loaded with: absent in a demo loaded before the
     * official codes (issue 11), whose provisional "HG…" codes no document or package matches.
     */
    public static final String CODES_KEY = "demo.codes";
    private static final String OFFICIAL_CODES = "official-2025";

    /** Meta key naming which demo was loaded ({@link World}). */
    public static final String WORLD_KEY = "demo.world";

    /** Which demo. */
    public enum World {
        /** Hậu Giang to 30 June 2025, 2023–2024 figures and 2024 assessments; Cần Thơ's communes from 1 July 2025 with 2025–2026. */
        BOTH,
        /** Hậu Giang alone, with its 2025 figures and assessments, as a site that has not applied the reorganisation holds it. */
        OLD_STRUCTURE
    }

    /** What a load did. */
    public enum Outcome {
        LOADED, ALREADY_LOADED
    }

    private DemoLoader() {
    }

    /**
     * Writes the demo in one transaction. A database that already holds the demo is left as it
     * is; one that holds other data is refused, so that demo records never mix with real ones.
     */
    public static Outcome load(Store store, String actor) {
        return load(store, actor, World.BOTH, Progress.NONE);
    }

    /** As {@link #load(Store, String)}, telling how far it got; a cancel before the commit leaves the database empty. */
    public static Outcome load(Store store, String actor, World world, Progress progress) {
        DemoData data = world == World.BOTH ? DemoCity.after(DemoProvince.generate()) : DemoProvince.generate();
        Catalog catalog = Catalogs.shipped().forPeriod(DemoAssessments.PERIODS.get(0)).orElseThrow();
        DemoAssessments.Result assessments = DemoAssessments.generate(data, catalog);
        List<List<?>> parts = List.of(data.units(), data.successions(), data.stations(), data.staff(), data.hamlets(), data.workers(),
                data.figures(), assessments.assessments(), assessments.answers());
        long total = parts.stream().mapToLong(List::size).sum();
        return store.write(actor, w -> {
            if (w.meta(META_KEY).isPresent()) {
                return Outcome.ALREADY_LOADED;
            }
            if (w.unitCount() > 0) {
                throw new StoreException(StoreException.Reason.NOT_EMPTY, store.dataDir().toString(), null);
            }
            long done = 0;
            for (List<?> part : parts) {
                progress.checkCancelled(); // inside the transaction: a cancel rolls everything back
                w.createAll(part);
                done += part.size();
                progress.update(done, total);
            }
            w.putMeta(META_KEY, LocalDate.now().toString());
            w.putMeta(CODES_KEY, OFFICIAL_CODES);
            w.putMeta(WORLD_KEY, world.name());
            progress.checkCancelled();
            return Outcome.LOADED;
        });
    }

    /** Whether the store holds a demo loaded by an earlier YTCS, with provisional unit codes. */
    public static boolean outdated(Store store) {
        return isLoaded(store) && store.meta(CODES_KEY).isEmpty();
    }

    /** Whether the store holds the demo. */
    public static boolean isLoaded(Store store) {
        return store.meta(META_KEY).isPresent();
    }
}
