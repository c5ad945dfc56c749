// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

/** The seven socio-economic regions; some indicators (e.g. #35 of 1300/QĐ-BYT) set thresholds by them. */
public enum SocioRegion {
    TRUNG_DU_MIEN_NUI_PHIA_BAC,
    DONG_BANG_SONG_HONG,
    BAC_TRUNG_BO,
    DUYEN_HAI_NAM_TRUNG_BO,
    TAY_NGUYEN,
    DONG_NAM_BO,
    DONG_BANG_SONG_CUU_LONG
}
