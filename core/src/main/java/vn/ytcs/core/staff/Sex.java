// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.staff;

public enum Sex {
    M, F
}
