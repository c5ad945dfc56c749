// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

/** Administrative type of a unit, as Vietnamese law names them, in the order provinces list them. */
public enum UnitType {
    /** tỉnh */
    TINH(UnitLevel.PROVINCE),
    /** thành phố trực thuộc trung ương */
    THANH_PHO_TW(UnitLevel.PROVINCE),
    /** thành phố thuộc tỉnh */
    THANH_PHO(UnitLevel.DISTRICT),
    /** thị xã */
    THI_XA(UnitLevel.DISTRICT),
    /** huyện */
    HUYEN(UnitLevel.DISTRICT),
    /** khu vực of a regional health centre, after July 2025 */
    KHU_VUC_YTE(UnitLevel.DISTRICT),
    /** phường */
    PHUONG(UnitLevel.COMMUNE),
    /** thị trấn */
    THI_TRAN(UnitLevel.COMMUNE),
    /** xã */
    XA(UnitLevel.COMMUNE),
    /** đặc khu, since 2025 */
    DAC_KHU(UnitLevel.COMMUNE);

    private final UnitLevel level;

    UnitType(UnitLevel level) {
        this.level = level;
    }

    public UnitLevel level() {
        return level;
    }
}
