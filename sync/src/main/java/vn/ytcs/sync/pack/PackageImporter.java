// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.site.SiteService.PeerState;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.store.SyncKinds;
import vn.ytcs.core.store.SyncStore;
import vn.ytcs.core.task.Progress;
import vn.ytcs.sync.merge.Merger;
import vn.ytcs.sync.merge.Ownership;
import vn.ytcs.sync.pack.PackageRefused.Reason;
import vn.ytcs.sync.site.SiteKeys;

/**
 * Imports a staged package: whether it is for this site and next in line, then the one merge of
 * its records into the register, which the preview (per commune: created, changed, deleted,
 * conflicts) and the apply (one transaction, after a backup, with the peer state inside it) both
 * run; and receipts. Importing the same package again changes nothing.
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
     * A unit the package makes, with the units it says go into it (a reorganisation arriving at a
     * site still on the old structure), for the preview to show before anything is applied.
     *
     * @param unitType the UnitType name
     */
    public record ArrivingUnit(UUID id, String code, String name, String unitType, java.time.LocalDate from,
                               List<UUID> formedFrom) {
    }

    /**
     * The result of an import.
     *
     * @param arriving  units the package makes from others through successions (previews only)
     * @param manifest  the package's; null for a receipt
     * @param byCommune changes per commune id (previews only); the null key holds records of no commune
     * @param receipt   the receipt written next to the package when applied, or the receipt taken in
     * @param names     what people call the records of the conflicts, by record id
     */
    public record Result(Outcome outcome, Manifest manifest, Map<UUID, CommuneChanges> byCommune, int created, int changed,
                         int deleted, List<SyncStore.Conflict> conflicts, Path receipt, Map<UUID, String> names,
                         List<ArrivingUnit> arriving) {

        public int conflictCount() {
            return conflicts.size();
        }
    }

    /** A hook for tests: called as each record is read for the apply; throwing aborts the transaction. */
    public interface ApplyHook {
        void beforeRecord(int index);
    }

    /** The data folder's folder where packages are copied while they are imported. */
    public static final String STAGING = "staging";

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

    /** Checks a package where it lies, without trusting its sender: whose it is. */
    public static Manifest inspect(Path file) {
        return PackageReader.inspect(file).manifest();
    }

    /** Reads a package or receipt once; a refusal is logged. */
    public PackageReader.Staged stage(Path file, Progress progress) {
        try {
            PackageReader.Staged staged = PackageReader.stage(file, store.dataDir().resolve(STAGING), progress);
            if (!staged.isReceipt() && staged.verified().manifest().sender().equals(keys.site().id())) {
                staged.close();
                throw new PackageRefused(file.toString(), null, "$.manifest.sender", Reason.NOT_FOR_US, "own package");
            }
            return staged;
        } catch (PackageRefused e) {
            log(file, null, null, "REFUSED " + e.reason(), 0, 0, 0, 0);
            throw e;
        }
    }

    /**
     * Whether this site trusts who signed a staged package or receipt; refuses (and logs) a known
     * site that signed with another key than the one trusted.
     */
    public boolean trusts(PackageReader.Staged staged) {
        String file = staged.source().toString();
        if (staged.isReceipt()) {
            Receipt r = staged.receipt();
            String known = trust().trustedKey(r.site());
            if (known != null && !known.equals(r.publicKey())) {
                throw new PackageRefused(file, null, "$.receipt.publicKey", Reason.KEY_MISMATCH, r.fingerprint());
            }
            return known != null;
        }
        Manifest m = staged.verified().manifest();
        String known = trust().trustedKey(m.sender());
        if (known != null && !known.equals(m.publicKey())) {
            log(staged.source(), m, null, "REFUSED " + Reason.KEY_MISMATCH, 0, 0, 0, 0);
            throw new PackageRefused(file, null, "$.manifest.sender.publicKey", Reason.KEY_MISMATCH, m.fingerprint());
        }
        return known != null;
    }

    /** Trusts the sender of a staged package (or the signer of a receipt) after its fingerprint was confirmed. */
    public Site trustSender(PackageReader.Staged staged) {
        if (staged.isReceipt()) {
            Receipt r = staged.receipt();
            return store.sites().trust(r.site(), r.name(), SiteRole.valueOf(r.role()), r.publicKey(), r.fingerprint());
        }
        Manifest m = staged.verified().manifest();
        return store.sites().trust(m.sender(), m.senderName(), m.senderRole(), m.publicKey(), m.fingerprint());
    }

    /** Refuses (and logs) a package or receipt whose signer is not trusted here. */
    private void requireTrusted(PackageReader.Staged staged) {
        if (trusts(staged)) {
            return;
        }
        if (staged.isReceipt()) {
            staged.receipt().checkTrusted(trust(), staged.source().toString());
        }
        Manifest m = staged.verified().manifest();
        log(staged.source(), m, null, "REFUSED " + Reason.UNKNOWN_SENDER, 0, 0, 0, 0);
        throw new PackageRefused(staged.source().toString(), null, "$.manifest.sender", Reason.UNKNOWN_SENDER,
                m.senderName() + " " + m.fingerprint());
    }

    /** What applying would do, computed against the database without writing. */
    public Result preview(PackageReader.Staged staged, Progress progress) {
        requireTrusted(staged);
        if (staged.isReceipt()) {
            return receipt(staged, true);
        }
        Manifest m = staged.verified().manifest();
        Result early = admit(staged);
        if (early != null) {
            return early;
        }
        Preview preview = new Preview(store.sync());
        Tally tally;
        try {
            tally = plan(store.sync(), staged, progress, preview, i -> { });
        } catch (PackageRefused e) {
            log(staged.source(), m, m.payloadSha256(), "REFUSED " + e.reason(), 0, 0, 0, 0);
            throw e;
        }
        preview.name();
        return new Result(Outcome.DRY_RUN, m, preview.byCommune, tally.created, tally.changed, tally.deleted, tally.conflicts,
                null, tally.names, preview.arriving());
    }

    /** Applies a staged package in one transaction, after a backup, and writes the receipt; or takes a receipt in. */
    public Result apply(PackageReader.Staged staged, Progress progress) {
        requireTrusted(staged);
        if (staged.isReceipt()) {
            return receipt(staged, false);
        }
        Path file = staged.source();
        Manifest m = staged.verified().manifest();
        Result early = admit(staged);
        if (early != null) {
            return early;
        }
        progress.checkCancelled();
        store.backup("before-import");
        PeerState peer = store.sites().peer(m.sender());
        Tally tally;
        try {
            tally = store.write(actor, w -> {
                Tally t = plan(w.sync(), staged, progress, new Apply(), hook);
                w.sync().log(new SyncStore.ImportEntry(OffsetDateTime.now(ZoneOffset.UTC), actor, file.toString(),
                        m.payloadSha256(), m.sender(), m.sequence(), Outcome.APPLIED.name(), t.created, t.changed, t.deleted,
                        t.conflicts.size()));
                // What was received lands with what it brought: a receipt never reports a sequence the database lacks.
                w.sites().savePeer(new PeerState(m.sender(), Math.max(peer.lastSent(), 0), m.sequence(),
                        Math.max(peer.acknowledged(), m.acknowledged())));
                // The last moment a cancel leaves nothing behind.
                progress.checkCancelled();
                return t;
            });
        } catch (StoreException e) {
            throw new PackageRefused(file.toString(), null, null, Reason.REJECTED_BY_DATABASE, e.subject());
        } catch (PackageRefused e) {
            // Refused while applying (the transaction rolled back): logged like every other refusal.
            log(file, m, m.payloadSha256(), "REFUSED " + e.reason(), 0, 0, 0, 0);
            throw e;
        }
        // Store.write returned: the import is on the disk, so the receipt may now say so.
        Site self = keys.site();
        Receipt receipt = new Receipt(self.id(), self.name(), self.role().name(), self.publicKey(), self.fingerprint(),
                m.sender(), m.sequence(), m.payloadSha256(), OffsetDateTime.now(ZoneOffset.UTC), "APPLIED", tally.created,
                tally.changed, tally.deleted, tally.conflicts.size());
        Path written;
        try {
            written = receipt.write(file.toAbsolutePath().getParent(), keys);
        } catch (RuntimeException e) {
            // The stick is read-only or gone: keep the receipt in the data folder to copy later.
            Path folder = store.dataDir().resolve("receipts");
            try {
                Files.createDirectories(folder);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            written = receipt.write(folder, keys);
        }
        return new Result(Outcome.APPLIED, m, Map.of(), tally.created, tally.changed, tally.deleted, tally.conflicts, written,
                tally.names, List.of());
    }

    /** Whether the package is for this site and next in line: null to go on, or the result when it was imported before. */
    private Result admit(PackageReader.Staged staged) {
        Path file = staged.source();
        Manifest m = staged.verified().manifest();
        UUID local = keys.site().id();
        if (m.receiver() != null && !m.receiver().equals(local)) {
            log(file, m, null, "REFUSED NOT_FOR_US", 0, 0, 0, 0);
            throw new PackageRefused(file.toString(), null, "$.manifest.receiver", Reason.NOT_FOR_US,
                    String.valueOf(m.receiver()));
        }
        PeerState peer = store.sites().peer(m.sender());
        if (m.sequence() <= peer.lastReceived()) {
            log(file, m, m.payloadSha256(), Outcome.ALREADY_IMPORTED.name(), 0, 0, 0, 0);
            return new Result(Outcome.ALREADY_IMPORTED, m, Map.of(), 0, 0, 0, List.of(), null, Map.of(), List.of());
        }
        if (!m.full() && m.sequence() > peer.lastReceived() + 1) {
            log(file, m, m.payloadSha256(), "REFUSED MISSING_PACKAGE", 0, 0, 0, 0);
            throw new PackageRefused(file.toString(), null, "$.manifest.sequence", Reason.MISSING_PACKAGE,
                    (peer.lastReceived() + 1) + " " + m.senderName());
        }
        return null;
    }

    // ---- the one merge ----

    /** What the merge does to one record: created, changed, deleted, or nothing. */
    enum Change {
        CREATED, CHANGED, DELETED, NONE
    }

    /** One record merged: what came in, what was here, what the merge made of them. */
    record Merged(RecordState incoming, RecordState local, Merger.Result result, Change change) {
    }

    /** What the preview and the apply do with the merge: the preview counts, the apply writes. */
    private interface Sink {
        /** A batch of the sender's audit entries, before any record. */
        void audit(SyncStore sync, List<SyncStore.AuditEntry> entries);

        /** A batch of merged records, in package order; returns the conflicts that are new here. */
        List<SyncStore.Conflict> records(SyncStore sync, List<Merged> batch, Path file);
    }

    /** The counts of an import. */
    private static final class Tally {
        int created;
        int changed;
        int deleted;
        final List<SyncStore.Conflict> conflicts = new ArrayList<>();
        final Map<UUID, String> names = new HashMap<>();
    }

    /**
     * The merge of a staged package into the register, a batch at a time (one query per kind to
     * find the records, one for the references the package does not resolve itself, one for the
     * audit): first the sender's audit, which tells what it had seen of this site's changes, then
     * the records, each checked (stamps, ownership) and merged, handed to the sink.
     */
    private Tally plan(SyncStore sync, PackageReader.Staged staged, Progress progress, Sink sink, ApplyHook hook) {
        Path file = staged.source();
        Rules rules = rules(staged.verified().manifest());
        long auditBefore = sync.lastAuditId();
        // For records this site has: the versions the sender had seen, and those this site had seen before the import.
        Map<UUID, Map<String, Set<String>>> sender = new HashMap<>();
        Map<UUID, Set<String>> seenBefore = new HashMap<>();
        List<SyncStore.AuditEntry> entries = new ArrayList<>(PackageReader.BATCH);
        List<RecordState> batch = new ArrayList<>(PackageReader.BATCH);
        Tally tally = new Tally();
        Runnable audit = () -> {
            SyncStore.AuditBatch b = sync.auditKnown(entries, auditBefore);
            b.sender().forEach((id, m2) -> m2.forEach((f, vs) ->
                    sender.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(f, k -> new HashSet<>()).addAll(vs)));
            b.local().forEach((id, vs) -> seenBefore.computeIfAbsent(id, k -> new HashSet<>()).addAll(vs));
            sink.audit(sync, entries);
            entries.clear();
        };
        int[] index = {0};
        // Answers are checked against their assessment's catalog: from this package, else this database.
        RecordCheck.Context context = new RecordCheck.Context(
                (kind, id) -> sync.find(kind, id).filter(s -> !s.deleted()).map(RecordState::fields),
                store.recordContext().catalogs());
        staged.read(progress, new PackageReader.Reading() {
            @Override
            public void audit(SyncStore.AuditEntry entry) {
                entries.add(entry);
                if (entries.size() == PackageReader.BATCH) {
                    audit.run();
                }
            }

            @Override
            public void auditDone() {
                audit.run();
            }

            @Override
            public void record(RecordState record) {
                hook.beforeRecord(index[0]++);
                batch.add(record);
            }

            @Override
            public void batch(Map<String, Set<UUID>> unresolved) {
                progress.checkCancelled();
                checkReferences(sync, unresolved, file);
                Map<String, List<UUID>> idsByKind = new LinkedHashMap<>();
                batch.forEach(r -> idsByKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r.id()));
                Map<UUID, RecordState> local = new HashMap<>();
                idsByKind.forEach((kind, ids) -> local.putAll(sync.findAll(kind, ids)));
                List<Merged> merged = new ArrayList<>(batch.size());
                for (RecordState incoming : batch) {
                    RecordState current = local.get(incoming.id());
                    Set<String> before = seenBefore.getOrDefault(incoming.id(), Set.of());
                    Map<String, Set<String>> theirs = sender.getOrDefault(incoming.id(), Map.of());
                    Merger.Result r = merge(sync, current, incoming,
                            (field, version) -> before.contains(field + "/" + version) || before.contains("*/" + version),
                            (field, version) -> theirs.getOrDefault(field, Set.of()).contains(version)
                                    || theirs.getOrDefault("*", Set.of()).contains(version), rules, file);
                    Change change = change(current, r);
                    switch (change) {
                        case CREATED -> tally.created++;
                        case CHANGED -> tally.changed++;
                        case DELETED -> tally.deleted++;
                        case NONE -> { }
                    }
                    merged.add(new Merged(incoming, current, r, change));
                    if (!r.conflicts().isEmpty()) {
                        tally.names.put(incoming.id(), Communes.nameOf(r.merged() != null ? r.merged() : current));
                    }
                }
                tally.conflicts.addAll(sink.records(sync, merged, file));
                batch.clear();
            }
        }, context);
        return tally;
    }

    private static Change change(RecordState local, Merger.Result r) {
        if (r.created()) {
            return Change.CREATED;
        }
        if (r.merged() != null && r.merged().deleted() && !local.deleted()) {
            return Change.DELETED;
        }
        return r.merged() != null && !r.changed().isEmpty() ? Change.CHANGED : Change.NONE;
    }

    /** The apply: the sender's audit stored once each, the merged records written, the conflicts kept. */
    private final class Apply implements Sink {
        @Override
        public void audit(SyncStore sync, List<SyncStore.AuditEntry> entries) {
            sync.addAudit(entries);
        }

        @Override
        public List<SyncStore.Conflict> records(SyncStore sync, List<Merged> batch, Path file) {
            List<RecordState> writes = new ArrayList<>();
            Set<UUID> existing = new HashSet<>();
            List<SyncStore.AuditEntry> restamps = new ArrayList<>();
            List<SyncStore.Conflict> kept = new ArrayList<>();
            for (Merged m : batch) {
                if (m.local() != null) {
                    existing.add(m.local().id());
                }
                if (m.result().merged() != null) {
                    writes.add(m.result().merged());
                }
                for (String field : m.result().restamped()) {
                    restamps.add(restampAudit(m.incoming(), m.result().merged(), field));
                }
                for (Merger.FieldConflict c : m.result().conflicts()) {
                    SyncStore.Conflict conflict = conflict(m.incoming(), c, UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
                            file);
                    if (sync.addConflict(conflict)) {
                        kept.add(conflict);
                    }
                }
            }
            sync.putAll(writes, existing);
            sync.addAudit(restamps);
            return kept;
        }
    }

    /** The preview: counts per commune, the communes looked up a batch at a time. */
    private static final class Preview implements Sink {
        final Map<UUID, CommuneChanges> byCommune = new LinkedHashMap<>();
        private final Communes communes;
        /** New units and the successions into them, as they arrive: a reorganisation to show before it applies. */
        private final Map<UUID, RecordState> newUnits = new LinkedHashMap<>();
        private final Map<UUID, List<UUID>> into = new LinkedHashMap<>();

        Preview(SyncStore sync) {
            this.communes = new Communes(sync);
        }

        @Override
        public void audit(SyncStore sync, List<SyncStore.AuditEntry> entries) {
        }

        @Override
        public List<SyncStore.Conflict> records(SyncStore sync, List<Merged> batch, Path file) {
            communes.learn(batch.stream().map(Merged::incoming).toList());
            List<SyncStore.Conflict> conflicts = new ArrayList<>();
            for (Merged m : batch) {
                if (m.change() == Change.CREATED && m.incoming().kind().equals(RecordKinds.UNIT.name())) {
                    newUnits.put(m.incoming().id(), m.incoming());
                } else if (m.change() == Change.CREATED && m.incoming().kind().equals(RecordKinds.SUCCESSION.name())) {
                    Map<String, Object> f = m.incoming().fields();
                    into.computeIfAbsent(UUID.fromString(String.valueOf(f.get("to_unit_id"))), k -> new ArrayList<>())
                            .add(UUID.fromString(String.valueOf(f.get("from_unit_id"))));
                }
                CommuneChanges c = byCommune.computeIfAbsent(communes.of(m.incoming()), k -> new CommuneChanges());
                switch (m.change()) {
                    case CREATED -> c.created++;
                    case CHANGED -> c.changed++;
                    case DELETED -> c.deleted++;
                    case NONE -> { }
                }
                for (Merger.FieldConflict f : m.result().conflicts()) {
                    c.conflicts.add(m.incoming().kind() + " " + m.incoming().id() + " " + f.field());
                    conflicts.add(conflict(m.incoming(), f, null, null, file));
                }
            }
            return conflicts;
        }

        /** The new units the package makes from others, in the order it carries them. */
        List<ArrivingUnit> arriving() {
            List<ArrivingUnit> out = new ArrayList<>();
            newUnits.forEach((id, u) -> {
                List<UUID> from = into.get(id);
                if (from != null) {
                    Map<String, Object> f = u.fields();
                    out.add(new ArrivingUnit(id, String.valueOf(f.get("code")), String.valueOf(f.get("name")),
                            String.valueOf(f.get("unit_type")), java.time.LocalDate.parse(String.valueOf(f.get("valid_from"))),
                            List.copyOf(from)));
                }
            });
            return List.copyOf(out);
        }

        /** Names the communes, those the package did not carry from the database in one query. */
        void name() {
            communes.name(byCommune.keySet());
            byCommune.forEach((id, c) -> {
                Communes.Named n = id == null ? null : communes.name(id);
                if (n != null) {
                    c.unitType = n.unitType();
                    c.name = n.name();
                }
            });
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The audit of a value this site stamped anew while settling a conflict: the other sites learn it had seen it. */
    private SyncStore.AuditEntry restampAudit(RecordState incoming, RecordState merged, String field) {
        Object kept = field.equals("deleted") ? merged.deleted() : merged.fields().get(field);
        Object over = field.equals("deleted") ? incoming.deleted() : incoming.fields().get(field);
        return new SyncStore.AuditEntry(merged.id(), SyncKinds.tableName(merged.kind()), "UPDATE",
                field.toUpperCase(Locale.ROOT), text(over), text(kept), actor, OffsetDateTime.now(ZoneOffset.UTC),
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
    private record Rules(UUID sender, SiteRole senderRole, Ownership ownership) {
    }

    private Rules rules(Manifest m) {
        Map<UUID, SiteRole> roles = new HashMap<>();
        roles.put(keys.site().id(), keys.site().role());
        store.sites().remotes().forEach(s -> roles.put(s.id(), s.role()));
        // The role recorded when the sender was trusted, not the one its manifest claims.
        SiteRole senderRole = roles.getOrDefault(m.sender(), SiteRole.DISTRICT);
        // A site met only through relayed records can do what a district can, no more.
        return new Rules(m.sender(), senderRole, new Ownership(keys.site().id(), id -> roles.getOrDefault(id, SiteRole.DISTRICT)));
    }

    private Merger.Result merge(SyncStore sync, RecordState local, RecordState incoming, BiPredicate<String, String> seenLocally,
                                BiPredicate<String, String> seenBySender, Rules rules, Path file) {
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
                        Instant.ofEpochMilli(stamp.millis()) + "\t" + Instant.ofEpochMilli(store.clock().wallMillis()));
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

    /** The references a batch makes to records the package does not carry must be here: one query per kind. */
    private static void checkReferences(SyncStore sync, Map<String, Set<UUID>> unresolved, Path file) {
        for (var e : unresolved.entrySet()) {
            Set<UUID> present = sync.present(e.getKey(), e.getValue());
            for (UUID id : e.getValue()) {
                if (!present.contains(id)) {
                    throw new PackageRefused(file.toString(), e.getKey() + " " + id, null, Reason.UNKNOWN_REFERENCE,
                            e.getKey() + " " + id);
                }
            }
        }
    }

    // ---- receipts ----

    /** Takes a receipt in (or, for a preview, checks it): what the receiver applied of a package this site wrote. */
    private Result receipt(PackageReader.Staged staged, boolean dryRun) {
        Receipt r = staged.receipt();
        Path file = staged.source();
        if (!r.sender().equals(keys.site().id())) {
            throw new PackageRefused(file.toString(), null, "$.receipt.acknowledges.sender", Reason.NOT_FOR_US,
                    r.sender().toString());
        }
        // A receipt acknowledges a package this site wrote, exactly as it wrote it.
        SyncStore.Outgoing sent = store.sync().outgoing(r.site(), r.sequence())
                .or(() -> store.sync().outgoing(Manifest.ANYONE, r.sequence())).orElse(null);
        if (sent == null || (sent.sha256() != null && !sent.sha256().equals(r.payloadSha256()))) {
            throw new PackageRefused(file.toString(), null, "$.receipt.acknowledges", Reason.NOT_SENT,
                    Integer.toString(r.sequence()));
        }
        if (dryRun) {
            return new Result(Outcome.DRY_RUN, null, Map.of(), r.created(), r.changed(), r.deleted(), List.of(), file, Map.of(), List.of());
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
        return new Result(Outcome.RECEIPT, null, Map.of(), r.created(), r.changed(), r.deleted(), List.of(), file, Map.of(), List.of());
    }

    private void log(Path file, Manifest m, String sha, String outcome, int created, int changed, int deleted, int conflicts) {
        store.write(actor, w -> {
            w.sync().log(new SyncStore.ImportEntry(OffsetDateTime.now(ZoneOffset.UTC), actor, file.toString(), sha,
                    m == null ? null : m.sender(), m == null ? null : m.sequence(), outcome, created, changed, deleted, conflicts));
            return null;
        });
    }
}
