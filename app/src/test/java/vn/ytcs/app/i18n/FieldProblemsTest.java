// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.record.FieldProblem;
import vn.ytcs.core.record.RecordContext;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.store.StoreException;

/** A record's problems in both languages: by the field for an editor, naming kind, record and field in a refusal. */
class FieldProblemsTest {

    private static final Messages VI = Messages.of(Messages.VIETNAMESE);
    private static final Messages EN = Messages.of(Messages.ENGLISH);

    @Test
    void aProblemIsSaidByItsFieldAndInARefusalWithItsKindAndRecord() {
        UUID id = UUID.fromString("3f2a91bc-07de-45a1-8b2c-1d2e3f4a5b6c");
        CommuneYear year = new CommuneYear(id, UUID.randomUUID(), 1999, 8000, null, 90000, null, null, null);
        List<FieldProblem> problems = RecordKinds.COMMUNE_YEAR.problems(year, RecordContext.ALONE);
        assertEquals("1999 is outside 2000 to 2100", FieldProblems.text(problems.get(0), EN));
        assertEquals("giá trị 1999 nằm ngoài khoảng 2000 đến 2100", FieldProblems.text(problems.get(0), VI));
        CommuneYear fixed = new CommuneYear(id, year.unitId(), 2025, 8000, null, 90000, null, null, null);
        StoreException refused = new StoreException(RecordKinds.COMMUNE_YEAR.problems(fixed, RecordContext.ALONE));
        assertEquals("Error: invalid record (Commune figures of a year 3f2a91bc, field insured: 90000 is more than "
                + "population (8000)). Nothing was changed.", Failures.describe(refused, EN));
        assertEquals("Lỗi: bản ghi không hợp lệ (Số liệu năm của xã 3f2a91bc, trường insured: 90000 lớn hơn population "
                + "(8000)). Không có gì bị thay đổi.", Failures.describe(refused, VI));
    }
}
