// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

import java.util.List;
import java.util.Locale;
import vn.ytcs.core.text.VietText;

/**
 * Unit names and types as official lists write them ("Xã Hoả Lựu", "Thị Trấn Ngã Sáu", "Huyện"),
 * read once for the demo, a unit list and a succession mapping alike: the register keeps the name
 * without its type word, with today's tone marks ("Hỏa Lựu").
 */
public final class UnitNames {

    /** The type words a name may start with, longest first where one begins another. */
    private static final List<String> WORDS = List.of("Tỉnh ", "Thành phố ", "Thị xã ", "Thị trấn ", "Đặc khu ", "Huyện ",
            "Quận ", "Phường ", "Xã ");

    private UnitNames() {
    }

    /** The name without its type word, tone marks as written today: "Xã Hoả Lựu" → "Hỏa Lựu". */
    public static String shortName(String name) {
        String n = VietText.modernToneMarks(VietText.nfc(name)).strip();
        for (String word : WORDS) {
            if (n.regionMatches(true, 0, word, 0, word.length())) {
                return n.substring(word.length()).strip();
            }
        }
        return n;
    }

    /** Whether two names name the same unit, type words aside, after NFC and today's tone marks. */
    public static boolean same(String a, String b) {
        return shortName(a).equalsIgnoreCase(shortName(b));
    }

    /**
     * A unit type from its Vietnamese name (as official lists write it) or its code name; null when
     * it is neither. "Thành phố" alone is a city of a province, unless the unit has no parent.
     */
    public static UnitType type(String word, boolean top) {
        String w = VietText.nfc(word).strip().toLowerCase(Locale.ROOT);
        for (UnitType t : UnitType.values()) {
            if (t.name().equalsIgnoreCase(w)) {
                return t;
            }
        }
        return switch (w) {
            case "tỉnh" -> UnitType.TINH;
            case "thành phố trực thuộc trung ương", "thành phố tw" -> UnitType.THANH_PHO_TW;
            case "thành phố" -> top ? UnitType.THANH_PHO_TW : UnitType.THANH_PHO;
            case "thị xã" -> UnitType.THI_XA;
            case "huyện" -> UnitType.HUYEN;
            case "khu vực", "trung tâm y tế khu vực", "khu vực y tế" -> UnitType.KHU_VUC_YTE;
            case "phường" -> UnitType.PHUONG;
            case "thị trấn" -> UnitType.THI_TRAN;
            case "xã" -> UnitType.XA;
            case "đặc khu" -> UnitType.DAC_KHU;
            default -> null;
        };
    }

    /** The commune type a name starts with ("Phường Vị Thanh"), or null. */
    public static UnitType communeTypeOf(String name) {
        String n = VietText.nfc(name).strip();
        for (String word : WORDS) {
            if (n.regionMatches(true, 0, word, 0, word.length())) {
                UnitType t = type(word, false);
                return t != null && t.level() == UnitLevel.COMMUNE ? t : null;
            }
        }
        return null;
    }
}
