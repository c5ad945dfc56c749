// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ytcs.core.commune.CommuneProfile;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.directive.Target;
import vn.ytcs.core.directive.Targets;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.RecordKind;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.task.Progress;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitTree;

/**
 * The register as the surfaces see it: read "as of" a day into read models, and changed only
 * through here. The window and the command line call this, never the store.
 */
public final class RegisterService {

    /** Thrown when this site's role may not make the change (e.g. targets are the province's). */
    public static final class NotPermitted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SiteRole role;

        public NotPermitted(SiteRole role, String what) {
            super(what + " not permitted for " + role);
            this.role = role;
        }

        /** This site's role. */
        public SiteRole role() {
            return role;
        }
    }

    private final Store store;
    private final String actor;
    private final Profiles profiles;

    public RegisterService(Store store, String actor) {
        this.store = store;
        this.actor = actor;
        this.profiles = new Profiles(store);
    }

    /** The day to show when the user has not chosen one: today, or the last day the hierarchy held data. */
    public LocalDate defaultAsOf(LocalDate today) {
        return store.units().defaultAsOf(today);
    }

    /** The hierarchy as it stood on the day. */
    public UnitTree tree(LocalDate day) {
        return store.units().tree(day);
    }

    /** The unit that carried the code on the day (a code alone never identifies a unit). */
    public Optional<Unit> unit(String code, LocalDate day) {
        return store.units().byCode(code, day);
    }

    /** Every commune of the tree when {@code scope} is null, else the communes under it (or it, when a commune). */
    public List<Unit> communes(UnitTree tree, Unit scope) {
        return scope == null ? tree.communes() : tree.communesUnder(scope);
    }

    /** Profiles of the communes on the day, in the order given, in a handful of queries. */
    public List<CommuneProfile> profiles(UnitTree tree, List<Unit> communes, LocalDate day) {
        return profiles.load(tree, communes, day);
    }

    /** Whether the register holds the demo province. */
    public boolean demoLoaded() {
        return DemoLoader.isLoaded(store);
    }

    /** Loads the demo province into an empty register, in one transaction. */
    public DemoLoader.Outcome loadDemo(Progress progress) {
        return DemoLoader.load(store, actor, progress);
    }

    /**
     * Every problem the record has against its kind's one declaration (required, list of values,
     * range, length, rules across fields, references, an answer that fits its indicator), each
     * naming its field, for an editor to show beside the field. Empty when the record may be saved.
     */
    public <T> List<FieldProblem> check(T record) {
        RecordKind<T> kind = RecordKinds.of(record);
        return kind.problems(record, store.recordContext());
    }

    /**
     * Saves a register record (created, or what differs changed), with its audit rows and field
     * versions, in one transaction. A record with problems is refused with all of them
     * ({@link StoreException#problems()}) and nothing changes.
     */
    public <T> void save(T record) {
        store.write(actor, w -> {
            w.saveRecord(record);
            return null;
        });
    }

    /** The Directive 25 targets this site holds. */
    public List<Target> targets() {
        return store.targets();
    }

    /** What a targets import did. */
    public record TargetsImported(int read, int removed) {
    }

    /**
     * Replaces the province's targets with those of the file, all at once (targets not in the
     * file are removed); only a province sets them. A file refused changes nothing.
     */
    public TargetsImported importTargets(Path file) {
        SiteRole role = store.localSite().role();
        if (role != SiteRole.PROVINCE) {
            throw new NotPermitted(role, "targets");
        }
        List<Target> targets = Targets.read(file);
        return new TargetsImported(targets.size(), store.write(actor, w -> w.replaceTargets(targets)));
    }

    /** This site: its name, role and key fingerprint. */
    public Site localSite() {
        return store.localSite();
    }

    /** What opening the database found to tell: a repair it made, a clock behind the data. */
    public List<Store.Notice> notices() {
        return store.notices();
    }

    /** The data folder this register lives in. */
    public Path dataDir() {
        return store.dataDir();
    }
}
