// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.store.StoreException;

/** File-system failures said in the user's language with the path and what to do; defects in one line. */
class FailuresTest {

    private static final Messages VI = Messages.of(Messages.VIETNAMESE);
    private static final Messages EN = Messages.of(Messages.ENGLISH);
    private static final String STICK = "/media/an/USB";

    /** Nothing of Java's own: no class name, no stack frame, one line. */
    private static void assertPlain(String text) {
        assertFalse(text.contains("java.") || text.contains("Exception") || text.contains("\tat ") || text.contains("\n"), text);
        assertFalse(text.contains("!"), "a key missing from the bundle: " + text);
    }

    private static void assertSays(Throwable e, String vi, String en, String path) {
        String inVi = Failures.describe(e, VI);
        String inEn = Failures.describe(e, EN);
        assertPlain(inVi);
        assertPlain(inEn);
        assertTrue(inVi.contains(vi) && inVi.contains(path), inVi);
        assertTrue(inEn.contains(en) && inEn.contains(path), inEn);
        assertTrue(inVi.contains("Không có gì bị thay đổi") && inEn.contains("Nothing was changed"), inVi + " / " + inEn);
        assertTrue(Failures.isRefusal(e), "a refusal, exit 2: " + e);
    }

    @Test
    void diskFullSaysFreeSpaceOrChooseAnotherDrive() {
        // The temporary file of a safe write is named by the folder the user chose.
        assertSays(new UncheckedIOException(new FileSystemException(STICK + "/YTCS-UNFINISHED-a.ytcs.json.123.tmp", null, "No space left on device")),
                "đã đầy", "is full", STICK);
        assertFalse(Failures.describe(new FileSystemException(STICK + "/YTCS-UNFINISHED-a.ytcs.json.123.tmp", null, "No space left on device"), VI)
                .contains(".tmp"));
        assertSays(new FileSystemException("E:\\YTCS", null, "There is not enough space on the disk."), "chọn ổ đĩa khác",
                "choose another drive", "E:\\YTCS");
        // The file's name is not the reason.
        assertFalse(Failures.isRefusal(new FileSystemException(STICK + "/No space left", null, "Too many open files")));
        // A plain stream write names no file: the caller's folder is named instead.
        String named = Failures.describe(new UncheckedIOException(new IOException("No space left on device")), VI, Path.of(STICK));
        assertTrue(named.contains(STICK) && named.contains("đã đầy"), named);
        // The database on a full disk: the store's failure, with the file it names.
        StoreException store = new StoreException(StoreException.Reason.FAILED, Path.of("/home/an/.local/share/ytcs/ytcs.mv.db"),
                new SQLException("General error", new IllegalStateException("write failed", new IOException("No space left on device"))));
        assertSays(store, "đã đầy", "is full", "ytcs.mv.db");
    }

    @Test
    void readOnlyAndAccessDeniedSayTheStickIsWriteProtectedOrTheFolderNotWritable() {
        assertSays(new UncheckedIOException(new AccessDeniedException(STICK + "/.a.ytcs.json.1.tmp")), "khóa chống ghi", "write-protected", STICK);
        assertSays(new FileSystemException(STICK, null, "Read-only file system"), "chỉ cho đọc", "read-only", STICK);
        assertSays(new FileSystemException(STICK + "\\x", null, "The media is write protected."), "chỉ cho đọc", "read-only", STICK);
        assertSays(new FileNotFoundException(STICK + "/a.json (Permission denied)"), "không cho ghi", "does not allow writing", STICK + "/a.json");
        String zip = Failures.describe(new ReadOnlyFileSystemException(), EN, Path.of(STICK));
        assertTrue(zip.contains("read-only") && zip.contains(STICK), zip);
        assertTrue(Failures.describe(new ReadOnlyFileSystemException(), VI).contains("nơi cần ghi"));
    }

    @Test
    void aMissingFileSaysTheStickMayHaveBeenPulledOut() {
        assertSays(new UncheckedIOException(new NoSuchFileException(STICK + "/a.ytcs.json")), "bị rút ra", "pulled out", STICK);
    }

    @Test
    void aDefectIsOneLineWithoutClassNamesOrStackFrames() {
        String wrapped = Failures.describe(new UncheckedIOException(new IOException("disk controller said no")), VI);
        assertEquals("Lỗi không mong đợi: disk controller said no. Dữ liệu không bị thay đổi.", wrapped);
        String lines = Failures.describe(new IllegalStateException("java.lang.RuntimeException: boom\n\tat vn.ytcs.X.y(X.java:1)"), EN);
        assertEquals("Unexpected error: boom. No data was changed.", lines);
        String none = Failures.describe(new NullPointerException(), EN);
        assertEquals("Unexpected error: NullPointerException. No data was changed.", none);
        assertPlain(Failures.describe(new OutOfMemoryError("Java heap space"), VI));
        assertFalse(Failures.isRefusal(new IllegalStateException("boom")));
        assertFalse(Failures.isRefusal(new StoreException(StoreException.Reason.FAILED, Path.of("x"), new SQLException("bad"))));
    }
}
