// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import vn.ytcs.core.staff.Sex;
import vn.ytcs.core.unit.Unit;

/** How domain values read on screen and on the command line. */
public final class Labels {

    private final Messages messages;

    public Labels(Messages messages) {
        this.messages = messages;
    }

    /** "Xã Hỏa Lựu", "Phường I", "Thành phố Vị Thanh". */
    public String unit(Unit unit) {
        return messages.get("unit.label", messages.label("unitType", unit.type()), unit.name());
    }

    /** A unit known only by its type name and name (e.g. in a package not imported yet). */
    public String unit(String unitType, String name) {
        String type;
        try {
            type = messages.label("unitType", vn.ytcs.core.unit.UnitType.valueOf(unitType));
        } catch (IllegalArgumentException | NullPointerException e) {
            return name;
        }
        return messages.get("unit.label", type, name);
    }

    /** A catalog revision as a scorecard names it: "QD1300-2023 rev. 2", or the shipped one. */
    public String catalog(String id, int revision) {
        return revision == 0 ? messages.get("catalog.rev.shipped", id) : messages.get("catalog.rev.numbered", id, revision);
    }

    /** The code, marked when it is provisional rather than the official national code. */
    public String code(Unit unit) {
        return unit.codeOfficial() ? unit.code() : messages.get("unit.code.provisional", unit.code());
    }

    public String sex(Sex sex) {
        return messages.label("sex", sex);
    }

    public String of(String prefix, Enum<?> value) {
        return messages.label(prefix, value);
    }

    public Messages messages() {
        return messages;
    }

    /** One change of a catalog diff: "TC6.28 · scoring rule (thresholds) changed · ≥ 95 (3) → ≥ 80 (3)". */
    public String catalogChange(vn.ytcs.core.service.CatalogService.DiffLine l) {
        return l.indicator() + " · " + messages.label("catalogChange", l.change())
                + (l.before() == null ? "" : " · " + l.before()) + (l.after() == null ? "" : " → " + l.after());
    }

    /** "The province revised the standard QD1300-2023 on 02/12/2026 (QD1300-2023 rev. 1)". */
    public String revised(vn.ytcs.core.catalog.CatalogRevision r, java.util.function.Function<java.time.LocalDate, String> date) {
        return messages.get("cli.catalog.revised", r.catalog().id(), r.madeAt() == null ? "" : date.apply(r.madeAt().toLocalDate()),
                catalog(r.catalog().id(), r.revision()));
    }
}
