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
}
