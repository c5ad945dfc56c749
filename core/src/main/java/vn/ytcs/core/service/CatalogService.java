// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.ytcs.core.catalog.Catalog;
import vn.ytcs.core.catalog.CatalogReader;
import vn.ytcs.core.catalog.CatalogWriter;
import vn.ytcs.core.catalog.CatalogRevision;
import vn.ytcs.core.catalog.Catalogs;
import vn.ytcs.core.catalog.Indicator;
import vn.ytcs.core.catalog.Rule;
import vn.ytcs.core.io.SafeFiles;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.Store;

/**
 * The catalogs as province data (docs/decisions/0009-catalog-revisions.md): the shipped ones are
 * revision 0 and never change; the province imports revisions, each a whole catalog document
 * saved as a record of the {@code catalog} kind, which packages carry to the districts. The
 * catalogs in force are, per catalog id, the newest revision this site holds, else the shipped one.
 */
public final class CatalogService {

    /** What changed from one revision to another, indicator by indicator. */
    public enum Change {
        ADDED, REMOVED, RENAMED, REPOINTED, POINTS, RULE, VETO, APPLIES_TO, DERIVED, PROVENANCE
    }

    /** One change: the indicator's code, what changed, the value before and after (null for added/removed). */
    public record DiffLine(String indicator, Change change, String before, String after) {
    }

    public record Diff(String catalogId, int from, int to, List<DiffLine> lines) {
    }

    private final Store store;
    private final String actor;
    private final InForce inForce;

    public CatalogService(Store store, String actor, InForce inForce) {
        this.store = store;
        this.actor = actor;
        this.inForce = inForce;
    }

    /**
     * The catalogs in force, as the scorer and the answer checks take them: bind it to the store
     * once it is open; until then (and for a store holding no revision) the shipped ones. Cached,
     * and read again after any change to the catalog revisions (a save here or a package import).
     */
    public static final class InForce implements Supplier<Catalogs> {
        private volatile Store store;
        private volatile long mark = -1;
        private volatile Snapshot snapshot;

        private record Snapshot(Catalogs catalogs, Map<String, List<CatalogRevision>> revisions) {
        }

        public void bind(Store s) {
            this.store = s;
            this.mark = -1;
        }

        @Override
        public Catalogs get() {
            return snapshot().catalogs();
        }

        /** Every revision of every catalog, 0 (shipped) first, by catalog id. */
        public Map<String, List<CatalogRevision>> revisions() {
            return snapshot().revisions();
        }

        private synchronized Snapshot snapshot() {
            Store s = store;
            if (s == null) {
                if (snapshot == null) {
                    snapshot = build(List.of());
                }
                return snapshot;
            }
            long now = s.catalogChangeMark();
            if (snapshot == null || now != mark) {
                snapshot = build(s.catalogRevisions());
                mark = now;
            }
            return snapshot;
        }

        private static Snapshot build(List<Store.CatalogRevisionRow> rows) {
            Map<String, List<CatalogRevision>> all = new LinkedHashMap<>();
            for (Catalog c : Catalogs.shipped().all()) {
                all.computeIfAbsent(c.id(), k -> new ArrayList<>())
                        .add(new CatalogRevision(CatalogRevision.numbered(c, 0), 0, null, null, null, 0));
            }
            for (Store.CatalogRevisionRow r : rows) {
                Catalog c = CatalogReader.read(r.document().getBytes(StandardCharsets.UTF_8),
                        "catalog " + r.catalogId() + " rev. " + r.revision());
                all.computeIfAbsent(r.catalogId(), k -> new ArrayList<>()).add(new CatalogRevision(
                        CatalogRevision.numbered(c, r.revision()), r.revision(), r.madeBy(),
                        r.madeAt() == null ? null : OffsetDateTime.parse(r.madeAt()), r.reason(),
                        r.basedOn() == null ? 0 : r.basedOn()));
            }
            all.values().forEach(l -> l.sort(Comparator.comparingInt(CatalogRevision::revision)));
            List<Catalog> newest = all.values().stream().map(l -> l.get(l.size() - 1).catalog()).toList();
            Map<String, List<CatalogRevision>> frozen = new LinkedHashMap<>();
            all.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new Snapshot(new Catalogs(newest), java.util.Collections.unmodifiableMap(frozen));
        }
    }

    /** Every catalog with its revisions (0, the shipped one, first), by catalog id. */
    public Map<String, List<CatalogRevision>> list() {
        return inForce.revisions();
    }

    /** The catalogs in force: per id, the newest revision held. */
    public Catalogs inForce() {
        return inForce.get();
    }

    /** Per catalog id, the number of the newest revision held: what {@link #revisedSince} compares with. */
    public Map<String, Integer> newestNumbers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        inForce.revisions().forEach((id, l) -> out.put(id, l.get(l.size() - 1).revision()));
        return out;
    }

    /** A revision that arrived, with what it changed from the one it was made from. */
    public record Revised(CatalogRevision revision, Diff diff) {
    }

    /**
     * The revisions that arrived since the numbers were taken (e.g. with a package), each with its
     * diff from the revision it was made from: what the surfaces tell as "the province revised the
     * standard … on DATE (rev. N)", and what changed.
     */
    public List<Revised> revisedSince(Map<String, Integer> before) {
        List<Revised> out = new ArrayList<>();
        inForce.revisions().forEach((id, l) -> l.stream().filter(r -> r.revision() > before.getOrDefault(id, 0))
                .forEach(r -> {
                    // Made from a revision this site never held (one skipped): compared with the one it held before.
                    int from = l.stream().anyMatch(x -> x.revision() == r.basedOn()) ? r.basedOn() : before.getOrDefault(id, 0);
                    out.add(new Revised(r, diff(id, from, r.revision())));
                }));
        return out;
    }

    /** The revision of the catalog; throws {@link RegisterService.NotFound} when this site holds none such. */
    public CatalogRevision revision(String catalogId, int revision) {
        List<CatalogRevision> of = revisions(catalogId);
        return of.stream().filter(r -> r.revision() == revision).findFirst()
                .orElseThrow(() -> new RegisterService.NotFound("catalog", catalogId + " rev. " + revision));
    }

    /** The newest revision of the catalog this site holds (0: as shipped). */
    public CatalogRevision newest(String catalogId) {
        List<CatalogRevision> of = revisions(catalogId);
        return of.get(of.size() - 1);
    }

    private List<CatalogRevision> revisions(String catalogId) {
        Map<String, List<CatalogRevision>> all = inForce.revisions();
        return all.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(catalogId)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new RegisterService.NotFound("catalog", catalogId));
    }

    /**
     * Saves the catalog in the file as the next revision of its id, made from the newest one
     * held. Province only ({@link RegisterService.NotPermitted} otherwise); a file that is not a
     * valid catalog is refused with a {@code DocumentException} naming the file and the JSON path;
     * an empty reason with a {@code StoreException} naming {@code reason}. Nothing changes on refusal.
     */
    public CatalogRevision importRevision(Path file, String reason) {
        permitted();
        Catalog c = CatalogReader.read(file);
        try {
            return save(c, Files.readString(file, StandardCharsets.UTF_8), reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a catalog edited in the window as the next revision of its id: written as a catalog
     * document and read back through the same checks as an imported file (schema and
     * {@link vn.ytcs.core.catalog.CatalogRules}), so that both kinds of revision are one kind of
     * record. Province only; refused as {@link #importRevision} refuses, nothing changed.
     */
    public CatalogRevision saveRevision(Catalog edited, String reason) {
        permitted();
        byte[] document = CatalogWriter.write(edited);
        Catalog c = CatalogReader.read(document, "catalog " + edited.id());
        return save(c, new String(document, StandardCharsets.UTF_8), reason);
    }

    private void permitted() {
        SiteRole role = store.localSite().role();
        if (role != SiteRole.PROVINCE) {
            throw new RegisterService.NotPermitted(role, "catalog");
        }
    }

    private CatalogRevision save(Catalog c, String document, String reason) {
        Optional<List<CatalogRevision>> held = inForce.revisions().entrySet().stream()
                .filter(e -> e.getKey().equals(c.id())).map(Map.Entry::getValue).findFirst();
        int basedOn = held.map(l -> l.get(l.size() - 1).revision()).orElse(0);
        int revision = basedOn + 1;
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("catalog_id", c.id());
        values.put("revision", revision);
        values.put("document", document);
        values.put("made_by", actor);
        values.put("made_at", at.toString());
        values.put("reason", reason == null ? null : reason.strip());
        values.put("based_on", basedOn);
        store.write(actor, w -> {
            w.saveValues(RecordKinds.CATALOG, UUID.randomUUID(), values);
            return null;
        });
        return revision(c.id(), revision);
    }

    /** Writes the revision's document to the file, whole or not at all (a temporary file renamed). */
    public void export(String catalogId, int revision, Path out) throws IOException {
        CatalogRevision r = revision(catalogId, revision);
        byte[] bytes = document(r);
        SafeFiles.write(out, o -> o.write(bytes));
    }

    /** The revision's document as stored (revision 0: the file shipped in the program). */
    private byte[] document(CatalogRevision r) throws IOException {
        if (r.shipped()) {
            try (InputStream in = Catalogs.class.getResourceAsStream("/vn/ytcs/core/catalog/" + r.catalog().id() + ".json")) {
                if (in == null) {
                    throw new IOException("shipped catalog " + r.catalog().id() + " not found");
                }
                return in.readAllBytes();
            }
        }
        return store.catalogRevisions().stream()
                .filter(x -> x.catalogId().equals(r.catalog().id()) && x.revision() == r.revision()).findFirst()
                .orElseThrow(() -> new RegisterService.NotFound("catalog", r.catalog().id() + " rev. " + r.revision()))
                .document().getBytes(StandardCharsets.UTF_8);
    }

    /** What changed from revision {@code from} to {@code to}, indicator by indicator in the order of {@code to}. */
    public Diff diff(String catalogId, int from, int to) {
        return diff(revision(catalogId, from).catalog(), revision(catalogId, to).catalog(), from, to);
    }

    /** The changes between two catalogs (pure). */
    public static Diff diff(Catalog a, Catalog b, int from, int to) {
        List<DiffLine> lines = new ArrayList<>();
        for (Indicator old : a.indicators()) {
            if (b.indicator(old.code()).isEmpty()) {
                lines.add(new DiffLine(old.code(), Change.REMOVED, describe(old), null));
            }
        }
        for (Indicator now : b.indicators()) {
            Optional<Indicator> was = a.indicator(now.code());
            if (was.isEmpty()) {
                lines.add(new DiffLine(now.code(), Change.ADDED, null, describe(now)));
                continue;
            }
            Indicator o = was.get();
            add(lines, now, Change.RENAMED, name(o), name(now));
            add(lines, now, Change.REPOINTED, o.criterion(), now.criterion());
            add(lines, now, Change.POINTS, o.maxPoints().stripTrailingZeros().toPlainString(),
                    now.maxPoints().stripTrailingZeros().toPlainString());
            rule(lines, now, o.rule(), now.rule());
            add(lines, now, Change.VETO, o.veto(), now.veto());
            add(lines, now, Change.APPLIES_TO, o.appliesTo(), now.appliesTo());
            add(lines, now, Change.DERIVED, o.derived(), now.derived());
            add(lines, now, Change.PROVENANCE, provenance(o.provenance()), provenance(now.provenance()));
        }
        return new Diff(b.id(), from, to, List.copyOf(lines));
    }

    private static void add(List<DiffLine> lines, Indicator i, Change change, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            lines.add(new DiffLine(i.code(), change, String.valueOf(before), String.valueOf(after)));
        }
    }

    /**
     * A rule's change in a short notation the reader of a diff can follow ("≤ 19 (1)": at most 19, one point): thresholds
     * by vùng or region one line per variant that changed, with its own provenance.
     */
    private static void rule(List<DiffLine> lines, Indicator i, Rule a, Rule b) {
        if (a instanceof Rule.Threshold x && b instanceof Rule.Threshold y && x.variantsBy() != null
                && x.variantsBy() == y.variantsBy() && x.direction() == y.direction()) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>(x.variants().keySet());
            keys.addAll(y.variants().keySet());
            for (String key : keys) {
                add(lines, i, Change.RULE, key + ": " + tiers(x.direction(), x.variants().get(key)),
                        key + ": " + tiers(y.direction(), y.variants().get(key)));
                add(lines, i, Change.PROVENANCE, key + ": " + provenance(x.draftVariant(key)),
                        key + ": " + provenance(y.draftVariant(key)));
            }
            return;
        }
        add(lines, i, Change.RULE, notation(a), notation(b));
    }

    private static String notation(Rule r) {
        if (r instanceof Rule.Threshold t) {
            if (t.variantsBy() == null) {
                return tiers(t.direction(), t.tiers());
            }
            StringBuilder s = new StringBuilder();
            t.variants().forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append(": ").append(tiers(t.direction(), v)));
            return s.toString();
        }
        if (r instanceof Rule.Checklist c) {
            StringBuilder s = new StringBuilder();
            c.items().forEach(it -> s.append(s.length() == 0 ? "" : "; ").append(it.code()).append(" (")
                    .append(it.points().stripTrailingZeros().toPlainString()).append(")"));
            return s + (c.cap() == null ? "" : " (≤ " + c.cap().stripTrailingZeros().toPlainString() + ")");
        }
        if (r instanceof Rule.Norm n) {
            return n.formula() + ": " + tiers(Rule.Direction.AT_LEAST, n.tiers());
        }
        return "yes/no";
    }

    private static String tiers(Rule.Direction direction, List<vn.ytcs.core.catalog.Tier> tiers) {
        if (tiers == null) {
            return "–";
        }
        String sign = direction == Rule.Direction.AT_MOST ? "≤ " : "≥ ";
        StringBuilder s = new StringBuilder();
        for (var t : tiers) {
            s.append(s.length() == 0 ? "" : ", ").append(sign).append(t.threshold().stripTrailingZeros().toPlainString())
                    .append(" (").append(t.points().stripTrailingZeros().toPlainString()).append(")");
        }
        return s.toString();
    }

    /** "confirmed (source)" or "draft": the words the surfaces translate. */
    private static String provenance(vn.ytcs.core.catalog.Provenance p) {
        return p.confirmed() ? "confirmed (" + p.source() + ")" : "draft";
    }

    private static String provenance(boolean draft) {
        return draft ? "draft" : "confirmed";
    }

    private static String name(Indicator i) {
        return i.name().en() == null ? i.name().vi() : i.name().vi() + " / " + i.name().en();
    }

    private static String describe(Indicator i) {
        return i.criterion() + " · " + i.name().vi() + " · " + i.maxPoints().stripTrailingZeros().toPlainString();
    }
}
