// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

/** ấp, thôn, bản in rural communes; khu vực, tổ dân phố in wards. */
public enum HamletKind {
    AP, THON, BAN, KHU_VUC, TO_DAN_PHO
}
