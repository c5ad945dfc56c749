// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.site.SiteService.PeerState;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.sync.merge.Merger;
import vn.ytcs.sync.merge.Ownership;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Imports a package in four steps: verify (everything, before anything is written), preview
 * (per commune: created, changed, deleted, conflicts), apply (one transaction, after a backup),
 * and the receipt. Importing the same package again changes nothing.
 */
public final class PackageImporter {

    /** How an import ended. */
    public enum Outcome {
        APPLIED, ALREADY_IMPORTED, DRY_RUN, RECEIPT
    }

    /** What a package does to one commune (or to records outside any commune). */
    public static final class CommuneChanges {
        /** The commune's type (UnitType name) and name, from the package or the database; null when unknown. */
        public String unitType;
        public String name;
        public int created;
        public int changed;
        public int deleted;
        public final List<String> conflicts = new ArrayList<>();
    }

    /**
     * The result of an import.
     *
     * @param byCommune changes per commune id; the null key holds records of no commune (districts, targets…)
     * @param receipt   the receipt written next to the package, when applied
     */
    public record Result(Outcome outcome, Manifest manifest, Map<UUID, CommuneChanges> byCommune, int created, int changed,
                         int deleted, List<SyncStore.Conflict> conflicts, Path receipt) {

        public int conflictCount() {
            return conflicts.size();
        }
    }

    /** A hook for tests: called before each record is written; throwing aborts the transaction. */
    public interface ApplyHook {
        void beforeRecord(int index);
    }

    private final Store store;
    private final SiteKeys keys;
    private final String actor;
    private ApplyHook hook = i -> { };

    public PackageImporter(Store store, SiteKeys keys, String actor) {
        this.store = store;
        this.keys = keys;
        this.actor = actor;
    }

    public PackageImporter withHook(ApplyHook hook) {
        this.hook = hook;
        return this;
    }

    /** What this site trusts: its known sites' stored keys. */
    public PackageReader.Trust trust() {
        return id -> store.sites().byId(id).filter(Site::trusted).map(Site::publicKey).orElse(null);
    }

    /** Verifies a package without trusting its sender yet: for confirming a new site's fingerprint. */
    public static Manifest inspect(Path file) {
        return PackageReader.verify(file, null).manifest();
    }

    /** Trusts the sender of a package (or the signer of a receipt) after its fingerprint was confirmed. */
    public Site trustSender(Path file) {
        if (Receipt.isReceipt(file)) {
            Receipt r = Receipt.read(file, null);
            return store.sites().trust(r.site(), r.name(), SiteRole.valueOf(r.role()), r.publicKey(), r.fingerprint());
        }
        Manifest m = inspect(file);
        if (m.sender().equals(keys.site().id())) {
            throw new PackageRefused(file.toString(), null, "$.manifest.sender", Reason.NOT_FOR_US, "own package");
        }
        return store.sites().trust(m.sender(), m.senderName(), m.senderRole(), m.publicKey(), m.fingerprint());
    }

    public Result importFile(Path file, boolean dryRun) {
        if (Receipt.isReceipt(file)) {
            return importReceipt(file);
        }
        // What is verified is what is applied: the package is copied once into the data folder, and
        // every later read (verify, preview, apply) reads that copy, never the stick again.
        PackageReader.Staged staged;
        try {
            staged = PackageReader.stage(file, store.dataDir().resolve(STAGING));
        } catch (PackageRefused e) {
            log(file, null, null, "REFUSED " + e.reason(), 0, 0, 0, 0);
            throw e;
        }
        try (staged) {
            return importStaged(file, staged, dryRun);
        }
    }

    /** The data folder's folder where packages are copied while they are imported. */
    public static final String STAGING = "staging";

    private Result importStaged(Path file, PackageReader.Staged staged, boolean dryRun) {
        PackageReader.Verified v;
        try {
            v = staged.verify(trust());
        } catch (PackageRefused e) {
            log(file, null, null, "REFUSED " + e.reason(), 0, 0, 0, 0);
            throw e;
        }
        Manifest m = v.manifest();
        UUID local = keys.site().id();
        if (m.sender().equals(local) || (m.receiver() != null && !m.receiver().equals(local))) {
            log(file, m, null, "REFUSED NOT_FOR_US", 0, 0, 0, 0);
            throw new PackageRefused(file.toString(), null, "$.manifest.receiver", Reason.NOT_FOR_US,
                    String.valueOf(m.receiver()));
        }
        PeerState peer = store.sites().peer(m.sender());
        if (m.sequence() <= peer.lastReceived()) {
            log(file, m, m.payloadSha256(), Outcome.ALREADY_IMPORTED.name(), 0, 0, 0, 0);
            return new Result(Outcome.ALREADY_IMPORTED, m, Map.of(), 0, 0, 0, List.of(), null);
        }
        if (!m.full() && m.sequence() > peer.lastReceived() + 1) {
            log(file, m, m.payloadSha256(), "REFUSED MISSING_PACKAGE", 0, 0, 0, 0);
            throw new PackageRefused(file.toString(), null, "$.manifest.sequence", Reason.MISSING_PACKAGE,
                    (peer.lastReceived() + 1) + " " + m.senderName());
        }
        checkReferences(v);

        if (dryRun) {
            Plan plan = plan(v, m);
            return new Result(Outcome.DRY_RUN, m, plan.byCommune, plan.created, plan.changed, plan.deleted,
                    plan.conflicts, null);
        }
        Rules rules = rules(m);
        store.backup("before-import");
        List<SyncStore.Conflict> conflicts = new ArrayList<>();
        int[] counts = new int[3];
        try {
            store.write(actor, w -> {
                SyncStore sync = w.sync();
                // First the sender's audit: stored once each, and for records this site already has,
                // the versions the sender had seen (so that its edits based on ours are no conflict).
                Map<UUID, Map<String, Set<String>>> sender = new HashMap<>();
                Map<UUID, Set<String>> seenBefore = new HashMap<>();
                List<SyncStore.AuditEntry> entries = new ArrayList<>(BATCH);
                Runnable audit = () -> {
                    SyncStore.AuditBatch b = sync.addAuditBatch(entries);
                    b.sender().forEach((id, m2) -> m2.forEach((f, vs) ->
                            sender.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(f, k -> new HashSet<>()).addAll(vs)));
                    b.local().forEach((id, vs) -> seenBefore.computeIfAbsent(id, k -> new HashSet<>()).addAll(vs));
                    entries.clear();
                };
                PackageReader.records(v, s -> { }, e -> {
                    entries.add(e);
                    if (entries.size() == BATCH) {
                        audit.run();
                    }
                });
                audit.run();
                // Then the records, a batch at a time: one query to find them, batched writes.
                List<RecordState> batch = new ArrayList<>(BATCH);
                int[] index = {0};
                Runnable flush = () -> {
                    applyBatch(sync, batch, sender, seenBefore, conflicts, counts, file, rules);
                    batch.clear();
                };
                PackageReader.records(v, incoming -> {
                    hook.beforeRecord(index[0]++);
                    batch.add(incoming);
                    if (batch.size() == BATCH) {
                        flush.run();
                    }
                }, e -> { });
                flush.run();
                sync.log(new SyncStore.ImportEntry(OffsetDateTime.now(ZoneOffset.UTC), actor, file.toString(),
                        m.payloadSha256(), m.sender(), m.sequence(), Outcome.APPLIED.name(), counts[0], counts[1],
                        counts[2], conflicts.size()));
                // What was received lands with what it brought: a receipt never reports a sequence the database lacks.
                w.sites().savePeer(new PeerState(m.sender(), Math.max(peer.lastSent(), 0), m.sequence(),
                        Math.max(peer.acknowledged(), m.acknowledged())));
                return null;
            });
        } catch (StoreException e) {
            throw new PackageRefused(file.toString(), null, null, Reason.REJECTED_BY_DATABASE, e.subject());
        } catch (PackageRefused e) {
            // A stamp refused while applying (the transaction rolled back): logged like every other refusal.
            log(file, m, m.payloadSha256(), "REFUSED " + e.reason(), 0, 0, 0, 0);
            throw e;
        }
        // Store.write returned: the import is on the disk, so the receipt may now say so.
        Site self = keys.site();
        Receipt receipt = new Receipt(self.id(), self.name(), self.role().name(), self.publicKey(), self.fingerprint(),
                m.sender(), m.sequence(), m.payloadSha256(), OffsetDateTime.now(ZoneOffset.UTC), "APPLIED", counts[0],
                counts[1], counts[2], conflicts.size());
        Path written;
        try {
            written = receipt.write(file.toAbsolutePath().getParent(), keys);
        } catch (RuntimeException e) {
            // The stick is read-only or gone: keep the receipt in the data folder to copy later.
            Path folder = store.dataDir().resolve("receipts");
            try {
                java.nio.file.Files.createDirectories(folder);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            written = receipt.write(folder, keys);
        }
        return new Result(Outcome.APPLIED, m, Map.of(), counts[0], counts[1], counts[2], conflicts, written);
    }

    /** Records merged and written together. */
    private static final int BATCH = 1000;

    private void applyBatch(SyncStore sync, List<RecordState> batch, Map<UUID, Map<String, Set<String>>> sender,
                            Map<UUID, Set<String>> seenBefore, List<SyncStore.Conflict> conflicts, int[] counts, Path file,
                            Rules rules) {
        Map<String, List<UUID>> idsByKind = new LinkedHashMap<>();
        batch.forEach(r -> idsByKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id()));
        Map<UUID, RecordState> local = new HashMap<>();
        idsByKind.forEach((kind, ids) -> local.putAll(sync.findAll(kind, ids)));
        List<RecordState> writes = new ArrayList<>();
        List<SyncStore.AuditEntry> restamps = new ArrayList<>();
        for (RecordState incoming : batch) {
            RecordState current = local.get(incoming.id());
            Set<String> before = seenBefore.getOrDefault(incoming.id(), Set.of());
            Map<String, Set<String>> theirs = sender.getOrDefault(incoming.id(), Map.of());
            Merger.Result r = merge(sync, current, incoming,
                    (field, version) -> before.contains(field + "/" + version) || before.contains("*/" + version),
                    (field, version) -> theirs.getOrDefault(field, Set.of()).contains(version)
                            || theirs.getOrDefault("*", Set.of()).contains(version), rules, file);
            if (r.merged() != null) {
                writes.add(r.merged());
                if (r.created()) {
                    counts[0]++;
                } else if (r.merged().deleted() && !current.deleted()) {
                    counts[2]++;
                } else if (!r.changed().isEmpty()) {
                    counts[1]++;
                }
            }
            for (String field : r.restamped()) {
                restamps.add(restampAudit(incoming, r.merged(), field));
            }
            for (Merger.FieldConflict c : r.conflicts()) {
                SyncStore.Conflict kept = conflict(incoming, c, UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), file);
                if (sync.addConflict(kept)) {
                    conflicts.add(kept);
                }
            }
        }
        sync.putAll(writes, local.keySet());
        sync.addAudit(restamps);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The audit of a value this site stamped anew while settling a conflict: the other sites learn it had seen it. */
    private SyncStore.AuditEntry restampAudit(RecordState incoming, RecordState merged, String field) {
        Object kept = field.equals("deleted") ? merged.deleted() : merged.fields().get(field);
        Object over = field.equals("deleted") ? incoming.deleted() : incoming.fields().get(field);
        return new SyncStore.AuditEntry(merged.id(), vn.ytcs.core.store.SyncKinds.tableName(merged.kind()), "UPDATE",
                field.toUpperCase(java.util.Locale.ROOT), text(over), text(kept), actor, OffsetDateTime.now(ZoneOffset.UTC),
                keys.site().id(), merged.fieldVersions().get(field));
    }

    /** A kept conflict from what the merge reported. */
    private static SyncStore.Conflict conflict(RecordState incoming, Merger.FieldConflict c, UUID id, OffsetDateTime at,
                                               Path file) {
        return new SyncStore.Conflict(id, at, incoming.kind(), incoming.id(), c.field(), text(c.keptValue()),
                c.keptVersion(), text(c.otherValue()), c.otherVersion(), Hlc.parse(c.otherVersion()).site(),
                file.getFileName().toString(), null, null, c.keptLocal());
    }

    /** What an import checks every record against: who sent it, who may change what, this computer's clock. */
    private record Rules(UUID sender, SiteRole senderRole, Ownership ownership, Map<UUID, SiteRole> roles) {
    }

    private Rules rules(Manifest m) {
        Map<UUID, SiteRole> roles = new HashMap<>();
        roles.put(keys.site().id(), keys.site().role());
        store.sites().remotes().forEach(s -> roles.put(s.id(), s.role()));
        // The role recorded when the sender was trusted, not the one its manifest claims.
        SiteRole senderRole = roles.getOrDefault(m.sender(), SiteRole.DISTRICT);
        // A site met only through relayed records can do what a district can, no more.
        return new Rules(m.sender(), senderRole,
                new Ownership(keys.site().id(), id -> roles.getOrDefault(id, SiteRole.DISTRICT)), roles);
    }

    /** The one merge of an incoming record, for the preview and for the apply alike. */
    private Merger.Result merge(SyncStore sync, RecordState local, RecordState incoming,
                                java.util.function.BiPredicate<String, String> seenLocally,
                                java.util.function.BiPredicate<String, String> seenBySender, Rules rules, Path file) {
        checkStamps(local, incoming, rules, file);
        return Merger.merge(local, incoming, seenLocally, seenBySender,
                () -> {
                    // A re-stamped owner's value must sort after both versions it settles.
                    incoming.fieldVersions().values().forEach(sync::observe);
                    return sync.nextVersion();
                }, rules.ownership());
    }

    /**
     * Refuses the package for a version that would change something here while its stamp cannot
     * be right: far ahead of this computer's clock, or (from a district) another site's, or a new
     * record its author may not create.
     */
    private void checkStamps(RecordState local, RecordState incoming, Rules rules, Path file) {
        String where = incoming.kind() + " " + incoming.id();
        Map<String, String> versions = new LinkedHashMap<>(incoming.fieldVersions());
        versions.put("version", incoming.version());
        for (var e : versions.entrySet()) {
            String mine = local == null ? null : e.getKey().equals("version") ? local.version()
                    : local.fieldVersions().get(e.getKey());
            if (e.getValue().equals(mine) || (mine != null && e.getValue().compareTo(mine) <= 0)) {
                continue; // known here or older: it changes nothing
            }
            Hlc stamp = Hlc.parse(e.getValue());
            if (store.clock().tooFarAhead(stamp)) {
                throw new PackageRefused(file.toString(), where, "fieldVersions." + e.getKey(), Reason.CLOCK_AHEAD,
                        java.time.Instant.ofEpochMilli(stamp.millis()) + "\t"
                                + java.time.Instant.ofEpochMilli(store.clock().wallMillis()));
            }
            if (rules.senderRole() != SiteRole.PROVINCE && !stamp.site().equals(rules.sender())) {
                throw new PackageRefused(file.toString(), where, "fieldVersions." + e.getKey(), Reason.FOREIGN_VERSION,
                        stamp.site().toString());
            }
        }
        if (local == null) {
            if (rules.senderRole() != SiteRole.PROVINCE && !incoming.owner().equals(rules.sender())) {
                throw new PackageRefused(file.toString(), where, "owner", Reason.FOREIGN_VERSION, incoming.owner().toString());
            }
            UUID author = Hlc.parse(incoming.version()).site();
            if (!rules.ownership().mayCreate(incoming.kind(), author)) {
                throw new PackageRefused(file.toString(), where, null, Reason.NOT_PERMITTED, incoming.kind());
            }
        }
    }

    private void checkReferences(PackageReader.Verified v) {
        SyncStore sync = store.sync();
        for (var e : v.unresolved().entrySet()) {
            for (UUID id : e.getValue()) {
                if (sync.find(e.getKey(), id).isEmpty()) {
                    throw new PackageRefused(v.file().toString(), e.getKey() + " " + id, null, Reason.UNKNOWN_REFERENCE,
                            e.getKey() + " " + id);
                }
            }
        }
    }

    /** The preview: what applying would do, computed against the database without writing. */
    private static final class Plan {
        final Map<UUID, CommuneChanges> byCommune = new LinkedHashMap<>();
        int created;
        int changed;
        int deleted;
        final List<SyncStore.Conflict> conflicts = new ArrayList<>();
    }

    private Plan plan(PackageReader.Verified v, Manifest m) {
        SyncStore sync = store.sync();
        Rules rules = rules(m);
        Map<UUID, Map<String, Set<String>>> audit = new HashMap<>();
        PackageReader.records(v, s -> { }, e -> audit.computeIfAbsent(e.recordId(), k -> new HashMap<>())
                .computeIfAbsent(e.field() == null ? "*" : e.field().toLowerCase(java.util.Locale.ROOT), k -> new HashSet<>())
                .add(e.version()));
        Plan plan = new Plan();
        Map<UUID, UUID> communeOf = new HashMap<>();
        PackageReader.records(v, incoming -> {
            RecordState local = sync.find(incoming.kind(), incoming.id()).orElse(null);
            Map<String, Set<String>> theirs = audit.getOrDefault(incoming.id(), Map.of());
            Merger.Result r = merge(sync, local, incoming, (field, version) -> sync.seen(incoming.id(), field, version),
                    (field, version) -> theirs.getOrDefault(field, Set.of()).contains(version)
                            || theirs.getOrDefault("*", Set.of()).contains(version), rules, v.file());
            UUID commune = commune(sync, incoming, communeOf);
            CommuneChanges c = plan.byCommune.computeIfAbsent(commune, k -> new CommuneChanges());
            if (commune != null && c.name == null) {
                RecordState unit = commune.equals(incoming.id()) ? incoming : sync.find("unit", commune).orElse(null);
                if (unit != null) {
                    c.unitType = (String) unit.fields().get("unit_type");
                    c.name = (String) unit.fields().get("name");
                }
            }
            if (r.created()) {
                plan.created++;
                c.created++;
            } else if (r.merged() != null && r.merged().deleted() && (local == null || !local.deleted())) {
                plan.deleted++;
                c.deleted++;
            } else if (r.merged() != null && !r.changed().isEmpty()) {
                plan.changed++;
                c.changed++;
            }
            for (Merger.FieldConflict f : r.conflicts()) {
                c.conflicts.add(incoming.kind() + " " + incoming.id() + " " + f.field());
                plan.conflicts.add(conflict(incoming, f, null, null, v.file()));
            }
        }, e -> { });
        return plan;
    }

    /** The commune a record belongs to, through its station, hamlet or assessment; null for none. */
    private static UUID commune(SyncStore sync, RecordState s, Map<UUID, UUID> cache) {
        UUID result = switch (s.kind()) {
            case "unit" -> "COMMUNE".equals(s.fields().get("unit_level")) ? s.id() : null;
            case "station", "commune_year", "assessment" -> (UUID) s.fields().get("unit_id");
            case "hamlet" -> (UUID) s.fields().get("commune_id");
            case "staff" -> parent(sync, "station", (UUID) s.fields().get("station_id"), "unit_id", cache);
            case "hamlet_worker" -> parent(sync, "hamlet", (UUID) s.fields().get("hamlet_id"), "commune_id", cache);
            case "assessment_answer" -> parent(sync, "assessment", (UUID) s.fields().get("assessment_id"), "unit_id", cache);
            default -> null;
        };
        if (result != null && ("station".equals(s.kind()) || "hamlet".equals(s.kind()) || "assessment".equals(s.kind()))) {
            cache.put(s.id(), result);
        }
        return result;
    }

    private static UUID parent(SyncStore sync, String kind, UUID id, String field, Map<UUID, UUID> cache) {
        if (id == null) {
            return null;
        }
        return cache.computeIfAbsent(id, k -> sync.find(kind, k).map(p -> (UUID) p.fields().get(field)).orElse(null));
    }

    private Result importReceipt(Path file) {
        Receipt r = Receipt.read(file, trust());
        if (!r.sender().equals(keys.site().id())) {
            throw new PackageRefused(file.toString(), null, "$.receipt.acknowledges.sender", Reason.NOT_FOR_US, r.sender().toString());
        }
        // A receipt acknowledges a package this site wrote, exactly as it wrote it.
        SyncStore.Outgoing sent = store.sync().outgoing(r.site(), r.sequence())
                .or(() -> store.sync().outgoing(Manifest.ANYONE, r.sequence())).orElse(null);
        if (sent == null || (sent.sha256() != null && !sent.sha256().equals(r.payloadSha256()))) {
            throw new PackageRefused(file.toString(), null, "$.receipt.acknowledges", Reason.NOT_SENT,
                    Integer.toString(r.sequence()));
        }
        PeerState peer = store.sites().peer(r.site());
        PeerState anyone = store.sites().peer(Manifest.ANYONE);
        // A receipt for a first-contact package moves that package's record over to the site now known.
        long hw = store.sync().highWater(r.site(), r.sequence());
        boolean firstContact = hw == 0 && anyone.lastSent() >= r.sequence();
        long firstHw = firstContact ? store.sync().highWater(Manifest.ANYONE, r.sequence()) : 0;
        store.write(actor, w -> {
            if (firstContact) {
                w.sync().addOutgoing(new SyncStore.Outgoing(r.site(), r.sequence(), r.applied(), firstHw, false,
                        file.getFileName().toString(), r.payloadSha256()));
            }
            w.sites().savePeer(new PeerState(r.site(), Math.max(peer.lastSent(), anyone.lastSent()), peer.lastReceived(),
                    Math.max(peer.acknowledged(), r.sequence())));
            w.sync().log(new SyncStore.ImportEntry(OffsetDateTime.now(ZoneOffset.UTC), actor, file.toString(),
                    r.payloadSha256(), null, null, Outcome.RECEIPT.name(), r.created(), r.changed(), r.deleted(),
                    r.conflicts()));
            return null;
        });
        return new Result(Outcome.RECEIPT, null, Map.of(), r.created(), r.changed(), r.deleted(), List.of(), file);
    }

    private void log(Path file, Manifest m, String sha, String outcome, int created, int changed, int deleted, int conflicts) {
        store.write(actor, w -> {
            w.sync().log(new SyncStore.ImportEntry(OffsetDateTime.now(ZoneOffset.UTC), actor, file.toString(), sha,
                    m == null ? null : m.sender(), m == null ? null : m.sequence(), outcome, created, changed, deleted, conflicts));
            return null;
        });
    }
}
