// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietTextTest {

    @Test
    void foldRemovesMarksCaseAndDStroke() {
        assertEquals("hoa luu", VietText.fold("Hỏa Lựu"));
        assertEquals("dong phuoc a", VietText.fold("  Đông   Phước A "));
        assertEquals("nga bay", VietText.fold(Normalizer.normalize("Ngã Bảy", Normalizer.Form.NFD)));
    }

    @Test
    void matchesIgnoresDiacriticsAndWordOrder() {
        assertTrue(VietText.matches("Hỏa Lựu", "hoa luu"));
        assertTrue(VietText.matches("Hỏa Lựu", "LỰU"));
        assertTrue(VietText.matches("Vĩnh Thuận Đông", "dong vinh"));
        assertFalse(VietText.matches("Hỏa Tiến", "hoa luu"));
        assertTrue(VietText.matches("anything", "  "));
    }

    @Test
    void nfcComposesDecomposedText() {
        String decomposed = Normalizer.normalize("Phụng Hiệp", Normalizer.Form.NFD);
        assertEquals("Phụng Hiệp", VietText.nfc(decomposed));
        assertEquals(10, VietText.nfc(decomposed).length());
    }

    @Test
    void sortsWithVietnameseCollationWordByWordAndNumbersNaturally() {
        List<String> names = new ArrayList<>(List.of("Vĩnh Tường", "Đông Phú", "Dân Chủ", "Vị Thanh", "Ấp 10", "Ấp 2",
                "Ân", "An", "Ản", "Ô Môn", "Ơn", "Ẩn"));
        names.sort(VietText.order());
        assertEquals(List.of("An", "Ản", "Ân", "Ẩn", "Ấp 2", "Ấp 10", "Dân Chủ", "Đông Phú", "Ô Môn", "Ơn", "Vị Thanh",
                "Vĩnh Tường"), names);
    }

    @Test
    void printableShowsControlAndBidiCharactersAsEscapesAndCapsTheLength() {
        assertEquals("TTYT Châu Thành", VietText.printable("TTYT Châu Thành"));
        assertEquals("X\\u001B[2K\\u000DFingerprint: AAAA", VietText.printable("X\u001b[2K\rFingerprint: AAAA"));
        assertEquals("a\\u000Ab\\u0085c\\u009Bd\\u007Fe", VietText.printable("a\nb\u0085c\u009bd\u007fe"));
        assertEquals("\\u202Eevil\\u202C \\u2066x\\u2069 \\u2028 \\u2029 \\u200B", VietText.printable("\u202eevil\u202c \u2066x\u2069 \u2028 \u2029 \u200b"));
        assertEquals("Ngã Bảy", VietText.printable(Normalizer.normalize("Ngã Bảy", Normalizer.Form.NFD)), "NFC");
        assertEquals("abc", VietText.printable("abc", 3));
        assertEquals("ab…", VietText.printable("abcd", 3));
        assertEquals(VietText.NAME_LENGTH, VietText.printable("x".repeat(10_000)).length());
        assertEquals("a…", VietText.printable("a\u001b", 3), "an escape is never cut in half");
        assertEquals("", VietText.printable(null));
    }

    @Test
    void fileNamePartIsPlainAsciiInWholeWordsAndSafeOnEverySystem() {
        assertEquals("ttyt-huyen-vi-thuy", VietText.fileNamePart("TTYT huyện Vị Thủy", 40));
        assertEquals("so-y-te-hau-giang", VietText.fileNamePart("  Sở Y tế  Hậu Giang ", 40));
        assertEquals("dong-phuoc", VietText.fileNamePart(Normalizer.normalize("Đông Phước", Normalizer.Form.NFD), 40));
        assertEquals("a-b-c-d-con", VietText.fileNamePart("a<b>c:\"d/con|?*\u0000", 40), "nothing Windows refuses");
        assertEquals("trung-tam-y-te", VietText.fileNamePart("Trung tâm Y tế khu vực Châu Thành", 16), "cut after a whole word");
        assertEquals("abcdefghij", VietText.fileNamePart("abcdefghijklmnop", 10), "one long word is cut where it must");
        assertEquals("", VietText.fileNamePart("卫生站 …", 40));
        assertEquals("", VietText.fileNamePart(null, 40));
    }

    @Test
    void modernToneMarksMoveTheMarkOfAFinalOaOeUyOnly() {
        assertEquals("Xã Hỏa Lựu", VietText.modernToneMarks("Xã Hoả Lựu"));
        assertEquals("Tân Hòa", VietText.modernToneMarks("Tân Hoà"));
        assertEquals("Huyện Vị Thủy", VietText.modernToneMarks("Huyện Vị Thuỷ"));
        assertEquals("HÒA", VietText.modernToneMarks("HOÀ"));
        assertEquals("Thuận Hòa", VietText.modernToneMarks("Thuận Hòa"), "already as written today");
        for (String kept : List.of("hoàn", "quý", "khuyến", "ngoài", "Thủy", "xòe")) {
            assertEquals(kept, VietText.modernToneMarks(kept));
        }
        assertEquals("khỏe", VietText.modernToneMarks("khoẻ"));
    }
}
