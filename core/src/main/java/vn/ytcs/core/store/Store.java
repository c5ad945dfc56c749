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

    private final Path dataDir;
    private final JdbcConnectionPool pool;
    private final DSLContext ctx;
    private final RegisterQueries queries;
    private final Site localSite;
    private final HybridClock clock;

    private Store(Path dataDir, JdbcConnectionPool pool, Site localSite) {
        this.dataDir = dataDir;
        this.pool = pool;
        this.ctx = DSL.using(pool, SQLDialect.H2);
        this.queries = new RegisterQueries(ctx);
        this.localSite = localSite;
        this.clock = new HybridClock(localSite.id(), Clock.systemUTC());
    }

    /**
     * Opens (creating if needed) the database in the folder and brings its schema up to date,
     * after a backup when an existing database needs a migration.
     */
    public static Store open(Path dataDir) {
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
        try {
            return open(dataDir, file);
        } catch (RuntimeException e) {
            OPEN.remove(key);
            throw e;
        }
    }

    private static Store open(Path dataDir, Path file) {
        boolean existed = Files.exists(file);
        String url = "jdbc:h2:file:" + dataDir.resolve(DATABASE_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "ytcs", "");
        try {
            pool.getConnection().close();
            DataDirectory.secure(dataDir);
            migrate(pool, dataDir, existed);
            Site site = ensureLocalSite(DSL.using(pool, SQLDialect.H2));
            return new Store(dataDir, pool, site);
        } catch (SQLException | DataAccessException | FlywayException e) {
            pool.dispose();
            SQLException sql = findSql(e);
            if (sql != null && sql.getErrorCode() == ErrorCode.IO_EXCEPTION_1 && existed) {
                // H2 reads a file that is not one of its databases as an I/O error.
                throw new StoreException(StoreException.Reason.DAMAGED, file, e);
            }
            throw translate(e, file);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** The H2 file of a data folder. */
    public static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DATABASE_NAME + ".mv.db");
    }

    private static void migrate(JdbcConnectionPool pool, Path dataDir, boolean existed) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        boolean pending = flyway.info().pending().length > 0;
        if (existed && pending) {
            backup(DSL.using(pool, SQLDialect.H2), dataDir, "before-migration");
        }
        flyway.migrate();
    }

    private static Site ensureLocalSite(DSLContext ctx) {
        SiteRecord row = ctx.selectFrom(SITE).where(SITE.IS_LOCAL.isTrue()).fetchOne();
        if (row == null) {
            row = ctx.newRecord(SITE);
            row.setId(UUID.randomUUID());
            row.setName("YTCS");
            row.setRole(SiteRole.DISTRICT.name());
            row.setIsLocal(true);
            row.setCreatedAt(OffsetDateTime.now());
            row.insert();
        }
        return StoreSites.site(row);
    }

    /** A consistent copy of the open database as a zip in the backups folder; returns its path. */
    public Path backup(String reason) {
        try {
            return backup(ctx, dataDir, reason);
        } catch (DataAccessException e) {
            throw translate(e, databaseFile(dataDir));
        }
    }

    private static Path backup(DSLContext ctx, Path dataDir, String reason) {
        Path dir = dataDir.resolve("backups");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.DATA_DIR_UNUSABLE, dir, e);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path target = dir.resolve("ytcs-" + stamp + "-" + reason.replaceAll("[^A-Za-z0-9-]", "") + ".zip");
        ctx.execute("BACKUP TO " + DSL.inline(target.toAbsolutePath().toString()));
        return target;
    }

    /** Runs the work in one transaction: all its writes land, or none does. */
    public <T> T write(String actor, Function<RegisterWriter, T> work) {
        try {
            return ctx.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                return work.apply(new StoreRegisterWriter(tx, new ChangeWriter(tx, clock, localSite.id(), actor),
                        new SyncStore(tx, clock)));
            });
        } catch (DataAccessException e) {
            throw translate(e, databaseFile(dataDir));
        }
    }

    public Optional<String> meta(String key) {
        return Optional.ofNullable(ctx.select(APP_META.META_VALUE).from(APP_META)
                .where(APP_META.META_KEY.eq(key)).fetchOne(APP_META.META_VALUE));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** This installation's site, as it is now (named and keyed on first start). */
    public Site localSite() {
        return sites().local();
    }

    /** Synced records for reading (writes go through {@link #write} and {@link RegisterWriter#sync()}). */
    public SyncStore sync() {
        return new SyncStore(ctx, clock);
    }

    /** The sites this installation knows. */
    public SiteService sites() {
        return new StoreSites(ctx);
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
    public java.util.List<vn.ytcs.core.directive.Target> targets() {
        return queries.targets();
    }

    public AssessmentService assessments() {
        return queries;
    }

    @Override
    public void close() {
        pool.dispose();
        OPEN.remove(dataDir.toAbsolutePath().normalize());
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
        if (e instanceof FlywayException && e.getMessage() != null && e.getMessage().contains("newer")) {
            return new StoreException(StoreException.Reason.NEWER_SCHEMA, file, e);
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
