// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.site.SiteService.PeerState;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.task.Progress;
import vn.ytcs.sync.merge.ConflictResolver;
import vn.ytcs.sync.pack.Communes;
import vn.ytcs.sync.pack.Manifest;
import vn.ytcs.sync.pack.PackageImporter;
import vn.ytcs.sync.pack.PackageReader;
import vn.ytcs.sync.pack.PackageWriter;
import vn.ytcs.sync.pack.Receipt;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Sync as the window and the command line use it: this site and the sites it knows, a package or
 * receipt staged once and then trusted, previewed and applied from that one copy, exports, and the
 * conflicts kept for review. The surfaces call this and nothing below it.
 */
public final class SyncService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncService.class);

    /** A site this one knows, and what the two have exchanged. */
    public record Peer(Site site, PeerState state) {
    }

    /** Who signed a package or receipt, as the fingerprint check on the phone needs it. */
    public record Sender(UUID site, String name, SiteRole role, String fingerprint) {
    }

    /**
     * A package written.
     *
     * @param receiver the site it is for; null for a first package to whichever site imports it
     */
    public record Export(Path file, Manifest manifest, Site receiver) {
    }

    /**
     * A conflict as people read it: the record by its name (a staff member's, a station's, a
     * hamlet's, a unit's…) and its commune, this site's value and the other site's, which stays.
     *
     * @param shortId      the shortest prefix of the id, at least {@link #SHORT_ID} characters, that no other open conflict shares
     * @param recordName   the record's name; for a unit its name without its type
     * @param unitType     for a unit, its type (a UnitType name); else null
     * @param commune      the commune the record belongs to, when it is not the record itself; else null
     * @param otherSiteName the other site's name, or its id when it is known only by that
     */
    public record ConflictView(UUID id, String shortId, String kind, UUID recordId, String recordName, String unitType,
                               Communes.Named commune, String field, String mine, String theirs, ConflictResolver.Keep keeping,
                               UUID otherSite, String otherSiteName) {
    }

    /** Characters of a conflict id that name it: as long as a short commit id. */
    public static final int SHORT_ID = 8;

    private final Store store;
    private final String actor;
    private SiteKeys keys;
    private PackageImporter.ApplyHook hook = i -> { };

    /** The service over a store; this site's keys are loaded, or created the first time. */
    public SyncService(Store store, String actor) {
        this(store, SiteKeys.loadOrCreate(store, null, null), actor);
    }

    public SyncService(Store store, SiteKeys keys, String actor) {
        this.store = store;
        this.keys = keys;
        this.actor = actor;
    }

    /** Tests: a hook called as each record is read for the apply. */
    SyncService withHook(PackageImporter.ApplyHook hook) {
        this.hook = hook;
        return this;
    }

    private PackageImporter importer() {
        return new PackageImporter(store, keys, actor).withHook(hook);
    }

    // ---- this site and the others ----

    /** This site: its name, role, id and key fingerprint. */
    public Site site() {
        return store.localSite();
    }

    /** Names this site and sets its role; its keys stay. */
    public Site setup(String name, SiteRole role) {
        Site s = store.sites().configureLocal(name, role, keys.site().publicKey(), keys.site().fingerprint());
        keys = SiteKeys.loadOrCreate(store, null, null);
        return s;
    }

    /** The other sites this one knows, with what was exchanged. */
    public List<Peer> peers() {
        return store.sites().remotes().stream().map(s -> new Peer(s, store.sites().peer(s.id()))).toList();
    }

    public Optional<Site> site(UUID id) {
        return store.sites().byId(id);
    }

    // ---- import ----

    /**
     * A package or receipt read once: its structure, hash and signature checked while it is
     * copied into the data folder. What follows (trust, preview, apply) reads only that copy.
     */
    public Incoming stage(Path file, Progress progress) {
        PackageImporter importer = importer();
        PackageReader.Staged staged = importer.stage(file, progress);
        try {
            return new Incoming(importer, staged, importer.trusts(staged));
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /** Imports a package (or a dry run: the preview) or takes a receipt in; a sender not trusted yet is refused. */
    public PackageImporter.Result importFile(Path file, boolean dryRun, Progress progress) {
        try (Incoming incoming = stage(file, progress)) {
            return dryRun ? incoming.preview(progress) : incoming.apply(progress);
        }
    }

    public PackageImporter.Result importFile(Path file, boolean dryRun) {
        return importFile(file, dryRun, Progress.NONE);
    }

    /** Trusts the sender of a package or the signer of a receipt, after its fingerprint was confirmed on the phone. */
    public Site trustSender(Path file) {
        try (Incoming incoming = stage(file, Progress.NONE)) {
            return incoming.trust();
        }
    }

    /** What this site trusts: its known sites' stored keys. */
    public PackageReader.Trust trust() {
        return importer().trust();
    }

    /**
     * A package or receipt staged once. Until it is closed (which removes the copy), it may be
     * trusted, previewed and applied, each reading the copy, never the stick again.
     */
    public final class Incoming implements AutoCloseable {
        private final PackageImporter importer;
        private final PackageReader.Staged staged;
        private boolean trusted;

        private Incoming(PackageImporter importer, PackageReader.Staged staged, boolean trusted) {
            this.importer = importer;
            this.staged = staged;
            this.trusted = trusted;
        }

        public Path file() {
            return staged.source();
        }

        public boolean isReceipt() {
            return staged.isReceipt();
        }

        /** The package's manifest; null for a receipt. */
        public Manifest manifest() {
            return staged.isReceipt() ? null : staged.verified().manifest();
        }

        /** Who signed it (checked with the key it carries). */
        public Sender sender() {
            if (staged.isReceipt()) {
                Receipt r = staged.receipt();
                return new Sender(r.site(), r.name(), SiteRole.valueOf(r.role()), r.fingerprint());
            }
            Manifest m = staged.verified().manifest();
            return new Sender(m.sender(), m.senderName(), m.senderRole(), m.fingerprint());
        }

        /** Whether this site trusts who signed it, with that key. */
        public boolean trusted() {
            return trusted;
        }

        /** Trusts who signed it, after the fingerprint was confirmed on the phone. */
        public Site trust() {
            Site s = importer.trustSender(staged);
            trusted = true;
            return s;
        }

        /** What applying would do, writing nothing; for a receipt, what it reports. */
        public PackageImporter.Result preview(Progress progress) {
            return importer.preview(staged, progress);
        }

        /** Applies the package in one transaction and writes the receipt, or takes the receipt in. */
        public PackageImporter.Result apply(Progress progress) {
            try {
                PackageImporter.Result r = importer.apply(staged, progress);
                LOG.info("Import of {}: {} (+{} ~{} -{}, {} conflicts)", file(), r.outcome(), r.created(), r.changed(),
                        r.deleted(), r.conflictCount());
                return r;
            } catch (RuntimeException e) {
                LOG.info("Import of {} not applied: {}", file(), e.toString());
                throw e;
            }
        }

        @Override
        public void close() {
            staged.close();
        }
    }

    // ---- export ----

    /**
     * The site an export goes to: the one named, else the only site this one trusts; empty for a
     * first package to whichever site imports it (no site trusted yet, or several).
     */
    public Optional<UUID> receiver(UUID named) {
        if (named != null) {
            return Optional.of(named);
        }
        List<Site> trusted = store.sites().remotes().stream().filter(Site::trusted).toList();
        return trusted.size() == 1 ? Optional.of(trusted.get(0).id()) : Optional.empty();
    }

    /** Writes a package for the site {@link #receiver(UUID)} chooses. */
    public Export export(Path folder, boolean full, boolean gzip, Progress progress) {
        return export(folder, null, full, gzip, progress);
    }

    /** Writes a package for the named receiver (null: as {@link #receiver(UUID)} chooses); cancelled only before it starts. */
    public Export export(Path folder, UUID receiver, boolean full, boolean gzip, Progress progress) {
        UUID to = receiver(receiver).orElse(null);
        progress.checkCancelled();
        progress.update(0, -1);
        PackageWriter.Exported e = PackageWriter.export(store, keys, to, full, folder, gzip);
        LOG.info("Export #{} to {}: {} records, {}", e.manifest().sequence(), to == null ? "anyone" : to, e.manifest().total(),
                e.file());
        progress.update(1, 1);
        return new Export(e.file(), e.manifest(), to == null ? null : store.sites().byId(to).orElse(null));
    }

    // ---- conflicts ----

    /** The open conflicts, oldest first, each with its record's name and commune. */
    public List<ConflictView> conflicts() {
        List<SyncStore.Conflict> open = store.sync().conflicts(true);
        SyncStore sync = store.sync();
        Map<String, List<UUID>> byKind = new LinkedHashMap<>();
        open.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.recordId()));
        Map<UUID, RecordState> records = new HashMap<>();
        byKind.forEach((kind, ids) -> records.putAll(sync.findAll(kind, ids)));
        Communes communes = new Communes(sync);
        communes.learn(records.values());
        communes.name(records.values().stream().map(communes::of).toList());
        List<String> ids = open.stream().map(c -> c.id().toString()).toList();
        Map<UUID, String> siteNames = new HashMap<>();
        List<ConflictView> out = new ArrayList<>();
        for (SyncStore.Conflict c : open) {
            RecordState r = records.get(c.recordId());
            UUID commune = r == null ? null : communes.of(r);
            UUID other = otherSite(c);
            String otherName = siteNames.computeIfAbsent(other, id -> store.sites().byId(id).map(Site::name).orElse(id.toString()));
            out.add(new ConflictView(c.id(), shortId(c.id().toString(), ids), c.kind(), c.recordId(), Communes.nameOf(r),
                    r != null && r.kind().equals("unit") ? (String) r.fields().get("unit_type") : null,
                    commune == null || commune.equals(c.recordId()) ? null : communes.name(commune), c.field(), c.mine(),
                    c.theirs(), c.keptIsLocal() ? ConflictResolver.Keep.MINE : ConflictResolver.Keep.THEIRS, other,
                    otherName));
        }
        return out;
    }

    /** The site on the other side: the one that stamped the value that is not this site's. */
    private static UUID otherSite(SyncStore.Conflict c) {
        return c.keptIsLocal() ? c.otherSite() : Hlc.parse(c.keptVersion()).site();
    }

    /** The shortest prefix of an id, at least {@link #SHORT_ID} characters, that none of the others starts with. */
    private static String shortId(String id, List<String> all) {
        for (int n = SHORT_ID; n < id.length(); n++) {
            String prefix = id.substring(0, n);
            if (all.stream().filter(x -> x.startsWith(prefix)).count() == 1) {
                return prefix;
            }
        }
        return id;
    }

    /**
     * Settles an open conflict named by its id or a prefix of it (at least {@link #SHORT_ID}
     * characters that no other open conflict's id starts with).
     *
     * @throws ConflictNotFound when the prefix is too short, names none, or names several
     */
    public ConflictView resolve(String id, ConflictResolver.Keep keep) {
        String prefix = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        if (prefix.length() < SHORT_ID) {
            throw new ConflictNotFound(ConflictNotFound.Reason.TOO_SHORT, id, List.of());
        }
        List<ConflictView> matches = conflicts().stream().filter(c -> c.id().toString().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new ConflictNotFound(ConflictNotFound.Reason.UNKNOWN, id, List.of());
        }
        if (matches.size() > 1) {
            throw new ConflictNotFound(ConflictNotFound.Reason.AMBIGUOUS, id, matches.stream().map(ConflictView::shortId).toList());
        }
        ConflictView c = matches.get(0);
        if (!ConflictResolver.resolve(store, c.id(), keep, actor)) {
            throw new ConflictNotFound(ConflictNotFound.Reason.UNKNOWN, id, List.of());
        }
        return c;
    }
}
