// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import vn.ytcs.core.assessment.AssessmentService;
import vn.ytcs.core.change.Hlc;
import vn.ytcs.core.change.HybridClock;
import vn.ytcs.core.figures.FiguresService;
import vn.ytcs.core.hamlet.HamletService;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.site.SiteService;
import vn.ytcs.core.staff.StaffService;
import vn.ytcs.core.station.StationService;
import vn.ytcs.core.store.jooq.tables.records.SiteRecord;
import vn.ytcs.core.unit.UnitService;

import static vn.ytcs.core.store.jooq.Tables.APP_META;
import static vn.ytcs.core.store.jooq.Tables.SITE;

/**
 * The local database of one data folder: an H2 file migrated by Flyway, opened once per process.
 * Reads go through the services; every write goes through {@link #write}, in one transaction.
 */
public final class Store implements AutoCloseable {

    /** Flyway and jOOQ log through java.util.logging here; their banners and progress are noise to users. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
    private static final java.util.logging.Logger JOOQ_LOG = java.util.logging.Logger.getLogger("org.jooq");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        JOOQ_LOG.setLevel(java.util.logging.Level.WARNING);
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** File name of the database inside the data folder, without H2's ".mv.db". */
    public static final String DATABASE_NAME = "ytcs";

    /** H2 lets one process open a file twice; YTCS must not, so that two windows never share one store. */
    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Name of the copy a migration works on; it replaces the database only once it is complete. */
    private static final String MIGRATING_NAME = DATABASE_NAME + "-migrating";
    private static final String CLOCK_META = "clock.high";
    /** The file whose lock holds a data folder for one process. */
    static final String LOCK_NAME = "ytcs.lock";

    private final Path dataDir;
    private final Connections connections;
    private final DSLContext ctx;
    private final RegisterQueries queries;
    private final Site localSite;
    private final HybridClock clock;
    /** What answers are checked against when written; read only when an answer is (start-up stays light). */
    private volatile java.util.function.Supplier<vn.ytcs.core.catalog.Catalogs> catalogs = vn.ytcs.core.catalog.Catalogs::shipped;
    private final java.util.List<Notice> notices = new java.util.ArrayList<>();
    private String persistedClock;
    private java.nio.channels.FileChannel folderLock;

    /**
     * Something the user should know about the opening of the store: a repair it made, or a clock
     * that is behind the data.
     *
     * @param subject the backup used, the file set aside, or the newest version's time (ISO instant)
     */
    public record Notice(Kind kind, String subject) {
        public enum Kind {
            /** A migration had been cut off: the database was restored from the backup taken before it. */
            RESTORED_FROM_BACKUP,
            /** A database that never finished its first start was set aside and a new one created. */
            SET_ASIDE,
            /** This computer's clock is far behind the newest change in the database. */
            CLOCK_BEHIND,
            /** The demo in this folder was loaded by an earlier YTCS, with provisional unit codes: load it again. */
            OLD_DEMO
        }
    }

    private Store(Path dataDir, Connections connections, Site localSite, java.util.List<Notice> repairs, Clock wall) {
        this.dataDir = dataDir;
        this.connections = connections;
        this.ctx = DSL.using(connections, SQLDialect.H2);
        this.queries = new RegisterQueries(ctx);
        this.localSite = localSite;
        this.clock = new HybridClock(localSite.id(), wall);
        this.notices.addAll(repairs);
        seedClock();
    }

    /**
     * Opens (creating if needed) the database in the folder and brings its schema up to date.
     * A migration works on a copy that replaces the database only when it is complete (after a
     * backup of the old one), so a start killed at any moment leaves the folder as it was before.
     */
    public static Store open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /**
     * The same, with the computer's clock given: versions are stamped from it (a clock set wrong,
     * drifting or put back is what the hybrid clock is for; tests drive one).
     */
    public static Store open(Path dataDir, Clock wall) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException e) {
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, dataDir, e);
        }
        if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, dataDir, null);
        }
        Path file = databaseFile(dataDir);
        Path key = dataDir.toAbsolutePath().normalize();
        if (!OPEN.add(key)) {
            throw new StoreException(StoreException.Reason.IN_USE, file, null);
        }
        java.nio.channels.FileChannel lock = null;
        try {
            lock = lockFolder(dataDir, file);
            Store store = open(dataDir, file, wall);
            store.folderLock = lock;
            return store;
        } catch (RuntimeException e) {
            OPEN.remove(key);
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * The same, checking answers against the given catalogs (those in force: the shipped ones and
     * the province's); {@link #open(Path)} checks them against the shipped ones.
     */
    public static Store open(Path dataDir, java.util.function.Supplier<vn.ytcs.core.catalog.Catalogs> catalogs) {
        Store store = open(dataDir);
        store.catalogs = catalogs;
        return store;
    }

    /**
     * Holds the folder for this process (another process, an older YTCS among them, is refused
     * before a migration could copy a database it is writing). The operating system lets go of
     * the lock when the process dies, killed or not.
     */
    private static java.nio.channels.FileChannel lockFolder(Path dataDir, Path file) {
        try {
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dataDir.resolve(LOCK_NAME),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() == null) {
                    channel.close();
                    throw new StoreException(StoreException.Reason.IN_USE, file, null);
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                channel.close();
                throw new StoreException(StoreException.Reason.IN_USE, file, e);
            }
            return channel;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, dataDir, e);
        }
    }

    private static void closeQuietly(java.nio.channels.FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Released with the process at the latest.
            }
        }
    }

    private static Store open(Path dataDir, Path file, Clock wall) {
        java.util.List<Notice> repairs = new java.util.ArrayList<>();
        boolean existed = Files.exists(file);
        Connections connections = null;
        try {
            removeLeftovers(dataDir);
            if (!existed) {
                migrateCopy(dataDir, null);
            }
            // Read-only until the first write: the schema is looked at without writing a byte, and a
            // command that only reads leaves the file as it found it.
            connections = new Connections(dataDir);
            if (existed && schemaState(connections, file) == SchemaProbe.State.PENDING) {
                connections.close();
                connections = null;
                Path backup = backupClosed(dataDir, file, "before-migration");
                try {
                    migrateCopy(dataDir, file);
                } catch (FlywayException | DataAccessException e) {
                    repairs.add(repair(dataDir, file, backup, e));
                }
                connections = new Connections(dataDir);
            }
            DataDirectory.secure(dataDir);
            Site site = ensureLocalSite(connections);
            return new Store(dataDir, connections, site, repairs, wall);
        } catch (IOException e) {
            closeQuietly(connections);
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, dataDir, e);
        } catch (SQLException | DataAccessException | FlywayException e) {
            closeQuietly(connections);
            throw openFailure(e, file, existed);
        } catch (RuntimeException e) {
            closeQuietly(connections);
            throw e;
        }
    }

    private static void closeQuietly(Connections connections) {
        if (connections != null) {
            connections.close();
        }
    }

    private static StoreException openFailure(Exception e, Path file, boolean existed) {
        SQLException sql = findSql(e);
        if (sql != null && sql.getErrorCode() == ErrorCode.IO_EXCEPTION_1 && existed) {
            // H2 reads a file that is not one of its databases as an I/O error.
            return new StoreException(StoreException.Reason.DAMAGED, file, e);
        }
        return translate(e, file);
    }

    private static String url(Path dataDir, String name, boolean readOnly) {
        return "jdbc:h2:file:" + dataDir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"
                + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
    }

    /** The H2 file of a data folder. */
    public static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DATABASE_NAME + ".mv.db");
    }

    private static Flyway flyway(javax.sql.DataSource source) {
        return Flyway.configure().dataSource(source).locations("classpath:" + SchemaProbe.LOCATION).load();
    }

    /** Looks at the schema on the read-only connection: a database from a newer YTCS is refused untouched. */
    private static SchemaProbe.State schemaState(Connections connections, Path file) throws SQLException {
        try (java.sql.Connection c = connections.getConnection()) {
            SchemaProbe.State state = SchemaProbe.of(c);
            if (state == SchemaProbe.State.NEWER) {
                throw new StoreException(StoreException.Reason.NEWER_SCHEMA, file, null);
            }
            return state;
        }
    }

    /**
     * Migrates a copy of the database (a new one when {@code original} is null) and moves it over
     * the database in one rename once it is complete and on the disk.
     */
    private static void migrateCopy(Path dataDir, Path original) throws IOException {
        Path copy = dataDir.resolve(MIGRATING_NAME + ".mv.db");
        Files.deleteIfExists(copy);
        if (original != null) {
            Files.copy(original, copy);
        }
        // No trace file: closing the pool's connection after SHUTDOWN reports the database closed, as it is.
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dataDir, MIGRATING_NAME, false) + ";TRACE_LEVEL_FILE=0",
                "ytcs", "");
        try {
            flyway(pool).migrate();
            // Closed for certain, every change in the file, before the file takes the database's name:
            // a database still open would go on writing into the renamed file beside the store opened next.
            try (java.sql.Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new StoreException(StoreException.Reason.FAILED, copy, e);
            }
        } catch (RuntimeException e) {
            pool.dispose();
            Files.deleteIfExists(copy);
            throw e;
        }
        pool.dispose();
        vn.ytcs.core.io.SafeFiles.moveDurably(copy, databaseFile(dataDir));
    }

    /**
     * A migration that fails on an existing database (one left half-migrated by an older YTCS that
     * was killed, say): the backup taken before the last migration is restored and migrated;
     * without one, the database is set aside and a new one created. Nothing is deleted.
     */
    private static Notice repair(Path dataDir, Path file, Path justTaken, Exception cause) {
        try {
            Path aside = dataDir.resolve("backups").resolve("ytcs-" + stamp() + "-set-aside.mv.db");
            Files.createDirectories(aside.getParent());
            Optional<Path> backup = newestBackup(dataDir, justTaken);
            if (backup.isPresent()) {
                Path restored = dataDir.resolve(DATABASE_NAME + "-restored.mv.db");
                try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(backup.get()))) {
                    java.util.zip.ZipEntry entry = zip.getNextEntry();
                    if (entry == null || !entry.getName().equals(DATABASE_NAME + ".mv.db")) {
                        throw new StoreException(StoreException.Reason.DAMAGED, backup.get(), cause);
                    }
                    Files.copy(zip, restored, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.copy(file, aside);
                migrateCopy(dataDir, restored);
                Files.deleteIfExists(restored);
                return new Notice(Notice.Kind.RESTORED_FROM_BACKUP, backup.get().toString());
            }
            if (holdsRegister(dataDir)) {
                // Never set aside a register without a backup to restore: the user decides, with the file kept.
                throw new StoreException(StoreException.Reason.DAMAGED, file, cause);
            }
            Files.move(file, aside);
            migrateCopy(dataDir, null);
            return new Notice(Notice.Kind.SET_ASIDE, aside.toString());
        } catch (IOException | FlywayException | DataAccessException e) {
            e.addSuppressed(cause);
            throw new StoreException(StoreException.Reason.DAMAGED, file, e);
        }
    }

    /** Whether the database holds any unit (or cannot even say so): then it is more than a first start that never finished. */
    private static boolean holdsRegister(Path dataDir) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(dataDir, DATABASE_NAME, true), "ytcs", "");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM admin_unit")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            return e.getErrorCode() != ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1 && e.getErrorCode() != ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1;
        }
    }

    /** The newest backup taken before a migration, other than the one of the database as it is now. */
    private static Optional<Path> newestBackup(Path dataDir, Path justTaken) throws IOException {
        Path dir = dataDir.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-before-migration.zip") && !f.equals(justTaken))
                    .max(java.util.Comparator.comparing(f -> f.getFileName().toString()));
        }
    }

    /** What a killed start or backup may have left: a half-migrated copy, half-written backups. */
    private static void removeLeftovers(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(MIGRATING_NAME + ".mv.db"));
        Files.deleteIfExists(dataDir.resolve(MIGRATING_NAME + ".trace.db"));
        Files.deleteIfExists(dataDir.resolve(DATABASE_NAME + "-restored.mv.db"));
        Path dir = dataDir.resolve("backups");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().endsWith(PARTIAL)) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    /**
     * A new site's name until the office names it: the computer's, so that two offices' packages
     * are told apart from the first day (no network lookup: the PC may have none).
     */
    static String defaultSiteName() {
        String name = System.getenv("COMPUTERNAME");
        if (name == null || name.isBlank()) {
            try {
                name = Files.readAllLines(Path.of("/etc/hostname")).stream().findFirst().orElse(null);
            } catch (IOException | RuntimeException e) {
                name = null; // not Linux, or not readable: the plain name will do
            }
        }
        name = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        return name.isEmpty() ? "YTCS" : "YTCS " + name.substring(0, Math.min(name.length(), 60));
    }

    private static Site ensureLocalSite(Connections connections) {
        DSLContext ctx = DSL.using(connections, SQLDialect.H2);
        SiteRecord row = ctx.selectFrom(SITE).where(SITE.IS_LOCAL.isTrue()).fetchOne();
        if (row == null) {
            connections.makeWritable();
            row = ctx.newRecord(SITE);
            row.setId(UUID.randomUUID());
            row.setName(defaultSiteName());
            row.setRole(SiteRole.DISTRICT.name());
            row.setIsLocal(true);
            row.setCreatedAt(OffsetDateTime.now());
            row.insert();
        }
        return StoreSites.site(row);
    }

    /** Moves the clock past the newest version this database has issued or seen. */
    private void seedClock() {
        meta(CLOCK_META).ifPresent(v -> {
            Hlc high = Hlc.parse(v);
            clock.observe(high);
            persistedClock = v;
            if (high.millis() - clock.wallMillis() > HybridClock.TOLERANCE.toMillis()) {
                notices.add(new Notice(Notice.Kind.CLOCK_BEHIND, java.time.Instant.ofEpochMilli(high.millis()).toString()));
            }
        });
    }

    /** What the user should be told about this opening: repairs made, a clock behind the data. */
    public java.util.List<Notice> notices() {
        return java.util.List.copyOf(notices);
    }

    /** Suffix of a backup being written; it gets its real name only once it is complete and checked. */
    private static final String PARTIAL = ".partial";

    private static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    }

    private static Path backupTarget(Path dataDir, String reason) {
        Path dir = dataDir.resolve("backups");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, dir, e);
        }
        return dir.resolve("ytcs-" + stamp() + "-" + reason.replaceAll("[^A-Za-z0-9-]", "") + ".zip");
    }

    /** A consistent copy of the open database as a zip in the backups folder; returns its path. */
    public Path backup(String reason) {
        Path target = backupTarget(dataDir, reason);
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try {
            // A backup is taken before a write (an import): the write's connections, opened now.
            connections.makeWritable();
            ctx.execute("BACKUP TO " + DSL.inline(partial.toAbsolutePath().toString()));
            return completeBackup(partial, target);
        } catch (DataAccessException e) {
            throw translate(e, databaseFile(dataDir));
        }
    }

    /** The same for a database that is not open: a zip of its file, as H2's BACKUP writes it. */
    private static Path backupClosed(Path dataDir, Path file, String reason) throws IOException {
        Path target = backupTarget(dataDir, reason);
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(partial))) {
            zip.putNextEntry(new java.util.zip.ZipEntry(DATABASE_NAME + ".mv.db"));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        return completeBackup(partial, target);
    }

    /** Reads the whole zip back (every entry's checksum), then gives it its name. */
    private static Path completeBackup(Path partial, Path target) {
        try {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(partial.toFile())) {
                var entries = zip.entries();
                if (!entries.hasMoreElements()) {
                    throw new IOException("empty backup " + partial);
                }
                while (entries.hasMoreElements()) {
                    try (var in = zip.getInputStream(entries.nextElement())) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
            vn.ytcs.core.io.SafeFiles.moveDurably(partial, target);
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Removed at the next open.
            }
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, target, e);
        }
    }

    /**
     * Runs the work in one transaction: all its writes land, or none does. When it returns, the
     * transaction is on the disk (a receipt or a package may then say so to another site).
     */
    public <T> T write(String actor, Function<RegisterWriter, T> work) {
        try {
            connections.makeWritable();
            String[] clockWritten = new String[1];
            T result = ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                T r = work.apply(new StoreRegisterWriter(tx, new ChangeWriter(tx, clock, localSite.id(), actor),
                        new SyncStore(tx, clock), new StoreSites(tx), catalogs));
                clockWritten[0] = persistClock(tx);
                return r;
            });
            ctx.execute("CHECKPOINT SYNC");
            if (clockWritten[0] != null) {
                persistedClock = clockWritten[0];
            }
            return result;
        } catch (DataAccessException e) {
            throw translate(e, databaseFile(dataDir));
        }
    }

    /** Keeps the clock's high mark with the transaction that moved it; returns what it wrote, or null. */
    private String persistClock(DSLContext tx) {
        Hlc high = clock.high();
        if (high == null || high.toString().equals(persistedClock)) {
            return null;
        }
        String value = high.toString();
        tx.mergeInto(APP_META).using(tx.selectOne()).on(APP_META.META_KEY.eq(CLOCK_META))
                .whenMatchedThenUpdate().set(APP_META.META_VALUE, DSL.greatest(APP_META.META_VALUE, DSL.val(value)))
                .whenNotMatchedThenInsert(APP_META.META_KEY, APP_META.META_VALUE).values(CLOCK_META, value)
                .execute();
        return value;
    }

    public Optional<String> meta(String key) {
        return Optional.ofNullable(ctx.select(APP_META.META_VALUE).from(APP_META)
                .where(APP_META.META_KEY.eq(key)).fetchOne(APP_META.META_VALUE));
    }

    /** The clock that stamps this site's versions. */
    public HybridClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** This installation's site, as it is now (named and keyed on first start). */
    public Site localSite() {
        return sites().local();
    }

    /** Synced records for reading (writes go through {@link #write} and {@link RegisterWriter#sync()}). */
    /**
     * What a record is checked against outside a write: the live records of the database and the
     * catalogs of this store (the writer checks against the same, inside its transaction).
     */
    public vn.ytcs.core.record.RecordContext recordContext() {
        return new vn.ytcs.core.record.RecordContext(StoreRegisterWriter.storeParents(sync()), catalogs);
    }

    public SyncStore sync() {
        return new SyncStore(ctx, clock);
    }

    /** The sites this installation knows. */
    public SiteService sites() {
        return new StoreSites(ctx, connections::makeWritable);
    }

    public UnitService units() {
        return queries;
    }

    public StationService stations() {
        return queries;
    }

    public StaffService staff() {
        return queries;
    }

    public HamletService hamlets() {
        return queries;
    }

    public FiguresService figures() {
        return queries;
    }

    /** The Directive 25 targets the province has set here; empty when it has set none. */
    /** The live register record of the type with the id, if there is one. */
    public <T> Optional<T> find(Class<T> type, java.util.UUID id) {
        return queries.find(type, id);
    }

    /** One change of one field of a record, as the audit recorded it. */
    public record AuditEntry(java.time.OffsetDateTime changedAt, String actor, String action, String field,
                             String oldValue, String newValue) {
    }

    /** What the audit holds on the record, oldest first: who changed which field when, old → new. */
    public java.util.List<AuditEntry> history(java.util.UUID recordId) {
        var a = vn.ytcs.core.store.jooq.Tables.AUDIT_LOG;
        return ctx.selectFrom(a).where(a.RECORD_ID.eq(recordId)).orderBy(a.ID)
                .fetch(r -> new AuditEntry(r.getChangedAt(), r.getActor(), r.getAction(),
                        r.getField() == null ? null : r.getField().toLowerCase(java.util.Locale.ROOT), r.getOldValue(),
                        r.getNewValue()));
    }

    /** A catalog revision as this site holds it (issue 10); {@code changeSeq} orders changes of this site. */
    public record CatalogRevisionRow(java.util.UUID id, String catalogId, int revision, String document, String madeBy,
                                     String madeAt, String reason, Integer basedOn) {
    }

    /** The catalog revisions this site holds, tombstones left out, by catalog and revision. */
    public java.util.List<CatalogRevisionRow> catalogRevisions() {
        var t = vn.ytcs.core.store.jooq.Tables.CATALOG_DOCUMENT;
        return ctx.selectFrom(t).where(t.DELETED.isFalse()).orderBy(t.CATALOG_ID, t.REVISION)
                .fetch(r -> new CatalogRevisionRow(r.getId(), r.getCatalogId(), r.getRevision(), r.getDocument(),
                        r.getMadeBy(), r.getMadeAt(), r.getReason(), r.getBasedOn()));
    }

    /** The latest change to the catalog revisions (0: none): what a cache of them is keyed by. */
    public long catalogChangeMark() {
        var t = vn.ytcs.core.store.jooq.Tables.CATALOG_DOCUMENT;
        Long max = ctx.select(DSL.max(t.CHANGE_SEQ)).from(t).fetchOne(0, Long.class);
        Integer count = ctx.selectCount().from(t).fetchOne(0, Integer.class);
        return (max == null ? 0 : max) * 1_000_003L + (count == null ? 0 : count);
    }

    public java.util.List<vn.ytcs.core.directive.Target> targets() {
        return queries.targets();
    }

    public AssessmentService assessments() {
        return queries;
    }

    @Override
    public void close() {
        connections.close();
        closeQuietly(folderLock);
        OPEN.remove(dataDir.toAbsolutePath().normalize());
    }

    /**
     * The store's connections: read-only until the first write, read-write from then on. A process
     * that only reads (most commands, a window only looked at) changes not a byte of the file, and
     * its close does not spend a moment compacting it. Reads on other threads finish before the
     * read-only database is closed for the read-write one.
     */
    private static final class Connections implements javax.sql.DataSource {
        private final Path dataDir;
        private final java.util.concurrent.locks.ReentrantReadWriteLock reopening =
                new java.util.concurrent.locks.ReentrantReadWriteLock();
        private volatile JdbcConnectionPool pool;
        private volatile boolean writable;

        Connections(Path dataDir) throws SQLException {
            this.dataDir = dataDir;
            this.pool = open(true);
        }

        private JdbcConnectionPool open(boolean readOnly) throws SQLException {
            JdbcConnectionPool p = JdbcConnectionPool.create(url(dataDir, DATABASE_NAME, readOnly), "ytcs", "");
            try {
                p.getConnection().close();
                return p;
            } catch (SQLException | RuntimeException e) {
                p.dispose();
                throw e;
            }
        }

        /** Reopens the database for writing, once; a thread reading at the time is refused (it would wait for itself). */
        void makeWritable() {
            if (writable) {
                return;
            }
            if (reopening.getReadHoldCount() > 0) {
                throw new IllegalStateException("a write started while this thread still reads from the store");
            }
            reopening.writeLock().lock();
            try {
                if (writable) {
                    return;
                }
                // Every read-only connection is back: closing the pool closes the read-only database.
                pool.dispose();
                try {
                    pool = open(false);
                    writable = true;
                } catch (SQLException | RuntimeException e) {
                    try {
                        pool = open(true);
                    } catch (SQLException again) {
                        e.addSuppressed(again);
                    }
                    throw translate(e, databaseFile(dataDir));
                }
            } finally {
                reopening.writeLock().unlock();
            }
        }

        @Override
        public java.sql.Connection getConnection() throws SQLException {
            if (!writable) {
                java.util.concurrent.locks.Lock read = reopening.readLock();
                read.lock();
                boolean handedOver = false;
                try {
                    if (!writable) {
                        java.sql.Connection c = pool.getConnection();
                        handedOver = true;
                        return releasingOnClose(c, read);
                    }
                } finally {
                    if (!handedOver) {
                        read.unlock();
                    }
                }
            }
            return pool.getConnection();
        }

        /** The connection, holding the read lock until it is closed. */
        private static java.sql.Connection releasingOnClose(java.sql.Connection c, java.util.concurrent.locks.Lock read) {
            java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            try {
                                c.close();
                            } finally {
                                if (open.getAndSet(false)) {
                                    read.unlock();
                                }
                            }
                            return null;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        void close() {
            pool.dispose();
        }

        @Override
        public java.sql.Connection getConnection(String user, String password) throws SQLException {
            throw new SQLException("the store's connections need no user");
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
            // Nothing is logged through JDBC.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // Embedded: there is no login to wait for.
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("org.h2");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static StoreException translate(Exception e, Path file) {
        SQLException sql = findSql(e);
        if (sql != null) {
            switch (sql.getErrorCode()) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1:
                    return new StoreException(StoreException.Reason.IN_USE, file, e);
                case ErrorCode.FILE_CORRUPTED_1:
                case ErrorCode.FILE_VERSION_ERROR_1:
                case ErrorCode.WRONG_PASSWORD_FORMAT:
                case ErrorCode.WRONG_USER_OR_PASSWORD:
                case ErrorCode.FILE_ENCRYPTION_ERROR_1:
                    return new StoreException(StoreException.Reason.DAMAGED, file, e);
                case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1:
                case ErrorCode.DUPLICATE_KEY_1:
                case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1:
                case ErrorCode.NULL_NOT_ALLOWED:
                case ErrorCode.VALUE_TOO_LONG_2:
                    return new StoreException(StoreException.Reason.INVALID_RECORD, sql.getMessage(), e);
                default:
                    break;
            }
        }
        return new StoreException(StoreException.Reason.FAILED, file, e);
    }

    private static SQLException findSql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
