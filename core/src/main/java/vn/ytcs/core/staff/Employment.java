// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.staff;

/** How a staff member belongs to the station. */
public enum Employment {
    /** cơ hữu: on the station's own staff */
    PERMANENT,
    /** luân phiên: rotating in from the district or another facility */
    ROTATING,
    /** hợp đồng */
    CONTRACT
}
