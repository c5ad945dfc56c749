// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.service.RegisterService;
import vn.ytcs.core.store.StoreException;
import vn.ytcs.core.text.VietText;
import vn.ytcs.sync.pack.PackageRefused;
import vn.ytcs.sync.site.SiteKeyException;

/**
 * Any failure as one sentence in the user's language, for the command line and the window alike:
 * what happened and what to do, never a stack trace or an exception's class name. Disk full,
 * write-protected sticks, folders that do not allow writing and sticks pulled out are recognised
 * anywhere in the cause chain.
 */
public final class Failures {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Failures.class);

    /** Longest part of an unexpected failure's own message that is shown. */
    private static final int DETAIL_LENGTH = 300;

    /** What went wrong with a file or a drive. */
    enum Io {
        DISK_FULL("io.diskFull"), READ_ONLY("io.readOnly"), ACCESS_DENIED("io.accessDenied"), GONE("io.gone");

        final String key;

        Io(String key) {
            this.key = key;
        }
    }

    private Failures() {
    }

    /** The sentence for the failure. */
    public static String describe(Throwable e, Messages m) {
        return describe(e, m, null);
    }

    /**
     * The sentence for the failure; {@code where} names the file or folder being written when the
     * failure itself names none (e.g. the folder an export writes to), and may be null.
     */
    public static String describe(Throwable e, Messages m, Path where) {
        String known = known(e, m, where);
        return known != null ? known : unexpected(e, m);
    }

    /** The sentence for a failure this program knows how to explain, or null for a defect. */
    public static String known(Throwable e, Messages m, Path where) {
        if (e instanceof PackageRefused p) {
            return SyncTexts.refused(p, m);
        }
        if (e instanceof DocumentException d) {
            return new ScoreTexts(m).document(d);
        }
        if (e instanceof vn.ytcs.core.service.TableFile.Refused r) {
            return tableFile(r, m);
        }
        if (e instanceof StoreException s && s.reason() != StoreException.Reason.FAILED) {
            return StoreMessages.describe(s, m);
        }
        String edit = edit(e, m);
        if (edit != null) {
            return edit;
        }
        if (e instanceof SiteKeyException k) {
            return m.get("siteKey.error." + k.reason().name(), VietText.printable(String.valueOf(k.file()), DETAIL_LENGTH));
        }
        String io = io(e, m, where != null ? where.toString() : e instanceof StoreException s ? s.subject() : null);
        if (io != null) {
            return io;
        }
        if (e instanceof StoreException s) {
            return StoreMessages.describe(s, m);
        }
        return null;
    }

    /** Every problem of a refused unit list or mapping, by row and column, one line each. */
    private static String tableFile(vn.ytcs.core.service.TableFile.Refused r, Messages m) {
        String file = VietText.printable(String.valueOf(r.file()), DETAIL_LENGTH);
        StringBuilder s = new StringBuilder(m.get("table.refused", file, r.problems().size()));
        for (var p : r.problems()) {
            s.append('\n').append(m.get("table.problem." + p.kind().name(), file, Integer.toString(p.row()),
                    p.column() == null ? "" : p.column(), VietText.printable(p.value() == null ? "" : p.value(), DETAIL_LENGTH),
                    VietText.printable(p.detail() == null ? "" : p.detail(), DETAIL_LENGTH)));
        }
        return s.toString();
    }

    /** The sentence for an edit the register service refused, or null for any other failure. */
    private static String edit(Throwable e, Messages m) {
        if (e instanceof RegisterService.NotFound n) {
            return m.get("error.notFound", kind(n.kind(), m), VietText.printable(n.id(), DETAIL_LENGTH));
        }
        if (e instanceof RegisterService.Locked) {
            return m.get("error.locked");
        }
        if (e instanceof RegisterService.StepNotAllowed s) {
            String next = String.join(", ", s.from().next().stream().map(x -> m.label("assessmentState", x)).toList());
            return next.isEmpty() ? m.get("error.stepNotAllowed.final", m.label("assessmentState", s.from()),
                    m.label("assessmentState", s.to()))
                    : m.get("error.stepNotAllowed", m.label("assessmentState", s.from()), m.label("assessmentState", s.to()),
                    next);
        }
        if (e instanceof RegisterService.ChangedSince) {
            return m.get("error.changedSince");
        }
        if (e instanceof RegisterService.NotPermitted p) {
            // A kind and its field ("unit" and "vung"): both by their labels.
            String what = p.what() == null ? "" : p.what();
            int dot = what.indexOf('.');
            String shown = dot < 0 ? kind(what, m) : m.get("error.notPermitted.field", kind(what.substring(0, dot), m),
                    FieldLabels.label(what.substring(dot + 1), m));
            return m.get("error.notPermitted", p.role() == null ? "" : m.label("siteRole", p.role()), shown);
        }
        return null;
    }

    /** A record kind's label ("staff" → "Nhân viên"; "targets" as the kind "target"), or the name itself for a kind without one. */
    private static String kind(String kind, Messages m) {
        for (String k : java.util.List.of(kind, kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind)) {
            String label = m.get("record.kind." + k);
            if (!label.startsWith("!")) {
                return label;
            }
        }
        return kind;
    }

    /** True when the failure is about the input or the situation, not a defect: nothing was changed. */
    public static boolean isRefusal(Throwable e) {
        if (e instanceof RegisterService.NotFound || e instanceof RegisterService.Locked
                || e instanceof RegisterService.StepNotAllowed || e instanceof RegisterService.ChangedSince
                || e instanceof RegisterService.NotPermitted) {
            return true;
        }
        if (e instanceof PackageRefused || e instanceof DocumentException || e instanceof SiteKeyException
                || e instanceof vn.ytcs.core.service.TableFile.Refused) {
            return true;
        }
        if (e instanceof StoreException s && StoreMessages.isRefusal(s)) {
            return true;
        }
        return kind(e) != null;
    }

    /**
     * The sentence for a file-system problem anywhere in the cause chain, naming the file or
     * folder (the one the exception names, else {@code where}); null when there is none.
     */
    public static String io(Throwable e, Messages m, Path where) {
        return io(e, m, where == null ? null : where.toString());
    }

    private static String io(Throwable e, Messages m, String where) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Io kind = kindOf(t);
            if (kind != null) {
                String path = pathOf(t);
                String shown = path != null ? shown(path) : where != null ? where : m.get("io.somewhere");
                return m.get(kind.key, VietText.printable(shown, DETAIL_LENGTH));
            }
        }
        return null;
    }

    static Io kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Io kind = kindOf(t);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static Io kindOf(Throwable t) {
        if (t instanceof ReadOnlyFileSystemException) {
            return Io.READ_ONLY;
        }
        if (!(t instanceof IOException)) {
            return null;
        }
        // The operating system's own words, without the file name (which could hold any words): Linux errno
        // texts and Windows system error texts.
        String text = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
        if (t instanceof FileNotFoundException && text != null && text.lastIndexOf(" (") > 0) {
            text = text.substring(text.lastIndexOf(" ("));
        }
        text = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("enospc") || text.contains("not enough space")
                || text.contains("disk quota exceeded") || text.contains("disk is full")) {
            return Io.DISK_FULL;
        }
        if (text.contains("read-only file system") || text.contains("erofs") || text.contains("write protected")
                || text.contains("write-protected")) {
            return Io.READ_ONLY;
        }
        if (t instanceof AccessDeniedException || text.contains("permission denied") || text.contains("access is denied")
                || text.contains("operation not permitted")) {
            return Io.ACCESS_DENIED;
        }
        if (t instanceof NoSuchFileException || text.contains("device is not ready") || text.contains("no such device")
                || text.contains("input/output error")) {
            return Io.GONE;
        }
        return null;
    }

    /** The path an exception names: a file-system exception's file, or the path in "PATH (reason)" of a FileNotFoundException. */
    private static String pathOf(Throwable t) {
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile();
        }
        if (t instanceof FileNotFoundException && t.getMessage() != null) {
            int reason = t.getMessage().lastIndexOf(" (");
            return reason > 0 ? t.getMessage().substring(0, reason) : null;
        }
        return null;
    }

    /** A safe write's temporary file ("YTCS-UNFINISHED-name.123.tmp") is named by its folder, the one the user chose. */
    private static String shown(String path) {
        try {
            Path p = Path.of(path);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            return name.startsWith(vn.ytcs.core.io.SafeFiles.UNFINISHED_PREFIX) && name.endsWith(".tmp") && p.getParent() != null ? p.getParent().toString() : path;
        } catch (RuntimeException e) {
            return path;
        }
    }

    /** A defect, in a sentence that quotes its {@link #detail}. */
    static String unexpected(Throwable e, Messages m) {
        // The user reads one line; the log keeps the stack trace for whoever mends the defect.
        LOG.error("Unexpected failure", e);
        return m.get("error.unexpected", detail(e));
    }

    /** A defect's own message in one line, without class names or a stack trace, so that it can be reported. */
    public static String detail(Throwable e) {
        String text = null;
        for (Throwable t = e; t != null && text == null; t = t.getCause() == t ? null : t.getCause()) {
            text = t.getMessage();
        }
        if (text == null || text.isBlank()) {
            text = e.getClass().getSimpleName();
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        // "java.io.IOException: disk error" and the like: a wrapped cause's class name says nothing to the user.
        String bare;
        while (!(bare = line.replaceFirst("^([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(Exception|Error): *", "")).equals(line)) {
            line = bare;
        }
        return VietText.printable(line, DETAIL_LENGTH);
    }
}
