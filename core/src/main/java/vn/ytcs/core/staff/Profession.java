// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.staff;

/** The fixed list of professions at a commune station. */
public enum Profession {
    /** bác sĩ */
    BAC_SI(true),
    /** bác sĩ y học dự phòng */
    BAC_SI_YHDP(true),
    /** y sĩ đa khoa */
    Y_SI_DA_KHOA(false),
    /** y sĩ sản nhi: counts as an obstetric assistant doctor */
    Y_SI_SAN_NHI(false),
    /** y sĩ y học cổ truyền */
    Y_SI_YHCT(false),
    /** hộ sinh */
    HO_SINH(false),
    /** điều dưỡng */
    DIEU_DUONG(false),
    /** dược sĩ */
    DUOC_SI(false),
    /** kỹ thuật viên */
    KY_THUAT_VIEN(false),
    OTHER(false);

    private final boolean doctor;

    Profession(boolean doctor) {
        this.doctor = doctor;
    }

    /** A physician (bác sĩ), as the standard and Directive 25 count doctors. */
    public boolean isDoctor() {
        return doctor;
    }
}
