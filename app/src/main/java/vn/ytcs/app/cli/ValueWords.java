// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import vn.ytcs.app.i18n.Messages;
import vn.ytcs.core.assessment.AssessmentState;
import vn.ytcs.core.hamlet.HamletKind;
import vn.ytcs.core.hamlet.WorkerRole;
import vn.ytcs.core.staff.Employment;
import vn.ytcs.core.staff.Profession;
import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.text.VietText;
import vn.ytcs.core.unit.SocioRegion;

/**
 * The words the command line takes for a list of values (professions, employments, roles,
 * regions, states, sex, hamlet kinds), all in this one table: Vietnamese without diacritics
 * first (the one {@code --help} and refusals show first), then English. A value is read
 * case-insensitively, with or without diacritics, spaces, hyphens or underscores alike, so that
 * {@code bac-si}, {@code "Bác sĩ"}, {@code BAC_SI} and {@code doctor} are the same profession.
 */
final class ValueWords<E extends Enum<E>> implements ITypeConverter<E> {

    private static final Map<Class<?>, ValueWords<?>> ALL = new LinkedHashMap<>();

    static {
        words(Profession.class, Map.of(
                Profession.BAC_SI, List.of("bac-si", "doctor"),
                Profession.BAC_SI_YHDP, List.of("bac-si-yhdp", "preventive-doctor"),
                Profession.Y_SI_DA_KHOA, List.of("y-si-da-khoa", "y-si", "assistant-doctor"),
                Profession.Y_SI_SAN_NHI, List.of("y-si-san-nhi", "obstetric-assistant"),
                Profession.Y_SI_YHCT, List.of("y-si-yhct", "traditional-assistant"),
                Profession.HO_SINH, List.of("ho-sinh", "midwife"),
                Profession.DIEU_DUONG, List.of("dieu-duong", "nurse"),
                Profession.DUOC_SI, List.of("duoc-si", "pharmacist"),
                Profession.KY_THUAT_VIEN, List.of("ky-thuat-vien", "technician"),
                Profession.OTHER, List.of("khac", "other")));
        words(Employment.class, Map.of(
                Employment.PERMANENT, List.of("co-huu", "permanent"),
                Employment.ROTATING, List.of("luan-phien", "rotating"),
                Employment.CONTRACT, List.of("hop-dong", "contract")));
        words(Sex.class, Map.of(
                Sex.M, List.of("nam", "male", "m"),
                Sex.F, List.of("nu", "female", "f")));
        words(WorkerRole.class, Map.of(
                WorkerRole.HEALTH_WORKER, List.of("nhan-vien-y-te-ap", "nvyt", "health-worker"),
                WorkerRole.VILLAGE_MIDWIFE, List.of("co-do", "co-do-thon-ban", "village-midwife")));
        words(HamletKind.class, Map.of(
                HamletKind.AP, List.of("ap", "hamlet"),
                HamletKind.THON, List.of("thon", "village"),
                HamletKind.BAN, List.of("ban", "mountain-village"),
                HamletKind.KHU_VUC, List.of("khu-vuc", "area"),
                HamletKind.TO_DAN_PHO, List.of("to-dan-pho", "residential-group")));
        words(SocioRegion.class, Map.of(
                SocioRegion.TRUNG_DU_MIEN_NUI_PHIA_BAC, List.of("trung-du-mien-nui-phia-bac", "northern-midlands"),
                SocioRegion.DONG_BANG_SONG_HONG, List.of("dong-bang-song-hong", "red-river-delta"),
                SocioRegion.BAC_TRUNG_BO, List.of("bac-trung-bo", "north-central-coast"),
                SocioRegion.DUYEN_HAI_NAM_TRUNG_BO, List.of("duyen-hai-nam-trung-bo", "south-central-coast"),
                SocioRegion.TAY_NGUYEN, List.of("tay-nguyen", "central-highlands"),
                SocioRegion.DONG_NAM_BO, List.of("dong-nam-bo", "southeast"),
                SocioRegion.DONG_BANG_SONG_CUU_LONG, List.of("dong-bang-song-cuu-long", "mekong-delta")));
        words(AssessmentState.class, Map.of(
                AssessmentState.DRAFT, List.of("du-thao", "dang-soan", "draft"),
                AssessmentState.SUBMITTED, List.of("gui-tham-dinh", "da-gui", "submitted"),
                AssessmentState.REVIEWED, List.of("da-tham-dinh", "reviewed"),
                AssessmentState.RECOGNISED, List.of("cong-nhan", "da-cong-nhan", "recognised", "recognized")));
    }

    /** The bundle prefix of each type's labels ({@code profession.BAC_SI}). */
    private static final Map<Class<?>, String> LABELS = Map.of(Profession.class, "profession", Employment.class,
            "employment", Sex.class, "sex", WorkerRole.class, "workerRole", HamletKind.class, "hamletKind",
            SocioRegion.class, "region", AssessmentState.class, "assessmentState");

    private final Class<E> type;
    /** The words of each value, in the enum's order. */
    private final Map<E, List<String>> words = new LinkedHashMap<>();
    /** Every accepted key (folded) and its value. */
    private final Map<String, E> byKey = new LinkedHashMap<>();

    private ValueWords(Class<E> type, Map<E, List<String>> table) {
        this.type = type;
        for (E value : type.getEnumConstants()) {
            List<String> w = table.get(value);
            if (w == null) {
                throw new IllegalStateException("no words for " + value);
            }
            words.put(value, w);
            for (String word : w) {
                add(word, value);
            }
            add(value.name(), value);
        }
    }

    private void add(String word, E value) {
        E before = byKey.putIfAbsent(key(word), value);
        if (before != null && before != value) {
            throw new IllegalStateException("the word " + word + " means both " + before + " and " + value);
        }
    }

    private static <E extends Enum<E>> void words(Class<E> type, Map<E, List<String>> table) {
        ALL.put(type, new ValueWords<>(type, table));
    }

    /** How a word is compared: without diacritics, case, and with spaces and underscores as hyphens. */
    private static String key(String word) {
        return VietText.fold(word).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    @Override
    public E convert(String value) {
        E found = byKey.get(key(value));
        if (found == null) {
            // Cli names the option, the value and the words in the user's language.
            throw new TypeConversionException(value);
        }
        return found;
    }

    /** Makes every option of one of these types read its words, in every command. */
    static void register(CommandLine cli) {
        ALL.forEach((type, converter) -> register(cli, type, converter));
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(CommandLine cli, Class<?> type, ValueWords<?> converter) {
        cli.registerConverter((Class<T>) type, (ITypeConverter<T>) converter);
    }

    /**
     * Lists the words of each option that takes them at the end of its command's {@code --help},
     * one value a line with its name in the user's language.
     */
    static void listIn(CommandLine cli, Messages m) {
        List<String> lines = new ArrayList<>();
        for (picocli.CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
            ValueWords<?> w = of(o.type());
            if (w == null) {
                continue;
            }
            lines.add(m.get("cli.words.heading", o.longestName()));
            List<String[]> help = w.help(m);
            int width = help.stream().mapToInt(l -> l[0].length()).max().orElse(0);
            for (String[] l : help) {
                lines.add("  " + l[0] + " ".repeat(width - l[0].length()) + "   " + l[1]);
            }
        }
        if (!lines.isEmpty()) {
            // Picocli reads a footer as a format: a % in a label would be taken for a conversion.
            cli.getCommandSpec().usageMessage().footer(lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new));
        }
        cli.getSubcommands().values().forEach(sub -> listIn(sub, m));
    }

    /** The converter of the type, or null when it is not a list of words. */
    static ValueWords<?> of(Class<?> type) {
        return ALL.get(type);
    }

    /** The first word of each value: what a refusal offers. */
    String firstWords() {
        List<String> first = new ArrayList<>();
        words.values().forEach(w -> first.add(w.get(0)));
        return String.join(", ", first);
    }

    /** One line per value for {@code --help}: its words, then its name in the user's language. */
    List<String[]> help(Messages m) {
        List<String[]> lines = new ArrayList<>();
        words.forEach((value, w) -> lines.add(new String[] {String.join(", ", w), m.label(LABELS.get(type), value)}));
        return lines;
    }
}
